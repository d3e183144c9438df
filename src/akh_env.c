/*
 * akh_env.c — the malloc environment and the output buffer of the engine.
 */
#include "akh_env.h"

#include <stdlib.h>
#include <string.h>

static void *
malloc_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void *
malloc_realloc(void *ctx, void *ptr, size_t size)
{
	(void) ctx;
	return realloc(ptr, size);
}

static void
malloc_free(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

const akh_env akh_env_malloc = {malloc_alloc, malloc_realloc, malloc_free, NULL, NULL};

void
akh_buf_init(akh_buf *buf, const akh_env *env)
{
	buf->data = NULL;
	buf->len = 0;
	buf->cap = 0;
	buf->env = env;
}

akh_status
akh_buf_reserve(akh_buf *buf, size_t extra)
{
	size_t		need;
	size_t		cap;
	char	   *p;

	if (extra > AKH_BUF_MAX - buf->len)
		return AKH_ETOOBIG;
	need = buf->len + extra;
	if (need <= buf->cap)
		return AKH_OK;
	/* Grow geometrically so that appending n bytes one by one costs O(n). */
	cap = buf->cap < 64 ? 64 : buf->cap;
	while (cap < need)
		cap = cap > AKH_BUF_MAX / 2 ? AKH_BUF_MAX : cap * 2;
	p = buf->data == NULL
		? buf->env->alloc(buf->env->ctx, cap)
		: buf->env->realloc(buf->env->ctx, buf->data, cap);
	if (p == NULL)
		return AKH_ENOMEM;
	buf->data = p;
	buf->cap = cap;
	return AKH_OK;
}

akh_status
akh_buf_append(akh_buf *buf, const char *s, size_t n)
{
	akh_status	st;

	/* Nothing to copy; an empty buffer has no data, and NULL + 0 is undefined in C. */
	if (n == 0)
		return AKH_OK;
	if ((st = akh_buf_reserve(buf, n)) != AKH_OK)
		return st;
	memcpy(buf->data + buf->len, s, n);
	buf->len += n;
	return AKH_OK;
}

void
akh_buf_free(akh_buf *buf)
{
	if (buf->data != NULL)
		buf->env->free(buf->env->ctx, buf->data);
	buf->data = NULL;
	buf->len = buf->cap = 0;
}

int
akh_word_cmp(const char *s, size_t n, const char *word)
{
	size_t		i;

	for (i = 0; i < n && word[i] != '\0'; i++)
	{
		if (s[i] != word[i])
			return (unsigned char) s[i] < (unsigned char) word[i] ? -1 : 1;
	}
	if (i < n)
		return 1;
	return word[i] == '\0' ? 0 : -1;
}

bool
akh_word_in(const char *const *list, size_t n_words, const char *s, size_t n)
{
	size_t		lo = 0;
	size_t		hi = n_words;

	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;
		int			c = akh_word_cmp(s, n, list[mid]);

		if (c == 0)
			return true;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return false;
}
