/*
 * akh_test.h — what the engine's cmocka tests share: the folder every test uses, built once per
 * test group, and fold() as a C string.
 */
#ifndef AKH_TEST_H
#define AKH_TEST_H

#include <stdlib.h>
#include <string.h>

#include "fold.h"

static akh_folder *folder;

static int
setup(void **state)
{
	(void) state;
	return akh_folder_new(&akh_env_malloc, &folder) == AKH_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	(void) state;
	akh_folder_free(folder);
	return 0;
}

/* fold(s) as a NUL-terminated malloc'd string (s is NUL-terminated too). */
static inline char *
fold_str(const char *s)
{
	akh_buf		out;

	akh_buf_init(&out, &akh_env_malloc);
	assert_int_equal(akh_fold(folder, s, strlen(s), &out), AKH_OK);
	assert_int_equal(akh_buf_append(&out, "", 1), AKH_OK);
	return out.data;
}

#endif							/* AKH_TEST_H */
