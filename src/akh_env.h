/*
 * akh_env.h — what every part of the akhbar language engine shares: status codes, the
 * environment the caller hands in (allocator and interrupt hook), the growable output buffer
 * and UTF-8 decoding.
 *
 * The engine never includes postgres.h and keeps no global state. The caller decides where
 * memory comes from (PostgreSQL passes palloc; the unit tests pass malloc) and how a long loop
 * is interrupted (PostgreSQL passes CHECK_FOR_INTERRUPTS, which may longjmp out of the engine;
 * the engine therefore never holds a resource that only it could release while it calls the
 * hook or the allocator).
 */
#ifndef AKH_ENV_H
#define AKH_ENV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum akh_status
{
	AKH_OK = 0,
	AKH_ENOMEM,					/* the allocator returned NULL */
	AKH_EUTF8,					/* input is not valid UTF-8 */
	AKH_EICU,					/* ICU reported an error */
	AKH_ETOOBIG					/* a size limit was exceeded */
} akh_status;

typedef struct akh_env
{
	void	   *(*alloc) (void *ctx, size_t size);
	void	   *(*realloc) (void *ctx, void *ptr, size_t size);
	void		(*free) (void *ctx, void *ptr);
	void		(*tick) (void *ctx);	/* may be NULL; called every few kB of input */
	void	   *ctx;
} akh_env;

/* An environment on malloc/realloc/free with no interrupt hook (tests, fuzzers, tools). */
extern const akh_env akh_env_malloc;

/* Bytes of input between two calls of env->tick. */
#define AKH_TICK_BYTES 65536

/*
 * Output buffer: the engine appends, the caller owns data. A caller may start with len > 0
 * (PostgreSQL reserves room for a varlena header this way).
 */
typedef struct akh_buf
{
	char	   *data;
	size_t		len;
	size_t		cap;
	const akh_env *env;
} akh_buf;

extern void akh_buf_init(akh_buf *buf, const akh_env *env);
extern akh_status akh_buf_reserve(akh_buf *buf, size_t extra);
extern akh_status akh_buf_append(akh_buf *buf, const char *s, size_t n);
extern void akh_buf_free(akh_buf *buf);

/*
 * s[0..n) is one of the n_words NUL-terminated words of list, sorted bytewise (the order of
 * LC_ALL=C sort, which the build uses for the word lists of data/).
 */
extern bool akh_word_in(const char *const *list, size_t n_words, const char *s, size_t n);

/* Compares s[0..n) with the NUL-terminated word, bytewise unsigned: <0, 0, >0. */
extern int	akh_word_cmp(const char *s, size_t n, const char *word);

/* Largest buffer the engine will grow; PostgreSQL values are smaller still. */
#define AKH_BUF_MAX ((size_t) 1 << 31)


/*
 * Decodes one code point at s[0..n). Returns its length in bytes (1..4), or 0 when the bytes
 * are not well-formed UTF-8 (overlong forms, surrogates and values above U+10FFFF included).
 */
static inline int
akh_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t	c = s[0];

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
	{
		if (n < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		*cp = ((c & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF)
	{
		uint32_t	v;

		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		v = ((c & 0x0F) << 12) | ((uint32_t) (s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		*cp = v;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4)
	{
		uint32_t	v;

		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
			return 0;
		v = ((c & 0x07) << 18) | ((uint32_t) (s[1] & 0x3F) << 12) |
			((uint32_t) (s[2] & 0x3F) << 6) | (s[3] & 0x3F);
		if (v < 0x10000 || v > 0x10FFFF)
			return 0;
		*cp = v;
		return 4;
	}
	return 0;
}

/* Encodes cp (a valid scalar value) into out, returns the byte count. */
static inline int
akh_utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80)
	{
		out[0] = (char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		out[0] = (char) (0xC0 | (cp >> 6));
		out[1] = (char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		out[0] = (char) (0xE0 | (cp >> 12));
		out[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char) (0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char) (0xF0 | (cp >> 18));
	out[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char) (0x80 | (cp & 0x3F));
	return 4;
}

#endif							/* AKH_ENV_H */
