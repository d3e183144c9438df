/*
 * engine_fold.c — akh_fold() alone, without PostgreSQL: ns per byte over the files given.
 * Build and run: make build/engine_fold && build/engine_fold data/sample/NN.txt ...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fold.h"

#define MAX_INPUT (1 << 22)
#define ROUNDS 20000

int
main(int argc, char **argv)
{
	akh_folder *f;
	char	   *buf = malloc(MAX_INPUT);
	size_t		n = 0;
	size_t		total = 0;
	struct timespec t0;
	struct timespec t1;
	double		secs;

	if (buf == NULL || akh_folder_new(&akh_env_malloc, &f) != AKH_OK)
		return 1;
	for (int i = 1; i < argc; i++)
	{
		FILE	   *fp = fopen(argv[i], "r");

		if (fp == NULL)
		{
			perror(argv[i]);
			return 1;
		}
		n += fread(buf + n, 1, MAX_INPUT - n, fp);
		fclose(fp);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int r = 0; r < ROUNDS; r++)
	{
		akh_buf		out;

		akh_buf_init(&out, &akh_env_malloc);
		if (akh_fold(f, buf, n, &out) != AKH_OK)
			return 1;
		total += out.len;
		akh_buf_free(&out);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double) (t1.tv_sec - t0.tv_sec) + (double) (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("fold: %zu bytes x %d in %.3f s: %.2f ns/byte (%zu bytes out)\n",
		   n, ROUNDS, secs, secs * 1e9 / ((double) n * ROUNDS), total / ROUNDS);
	akh_folder_free(f);
	free(buf);
	return 0;
}
