/*
 * fold.c — the search key of a text.
 *
 * What fold() does (the rules themselves live in data/fold.tsv):
 *   1. "pre" rules, then Unicode NFKC (presentation forms, ligatures, fullwidth forms);
 *   2. per code point: delete or map by the "post" rules (harakat, tatweel, bidi controls,
 *      alef/hamza/ya/ta-marbuta forms, Persian letters, digits, punctuation);
 *   3. otherwise full case folding, then the same rules on the folded code points, and Latin,
 *      Greek and Cyrillic letters reduced to the base letter of their canonical decomposition;
 *   4. every run of white space becomes one space; leading and trailing space go.
 *
 * ICU is the source of truth. Calling it for every character would make fold() several times
 * slower than reading the text, so the folder precomputes, by the ICU path itself, the result of
 * every code point below AKH_FAST_LIMIT (Latin, Greek, Cyrillic, Arabic, punctuation: nearly all
 * news text) when it stands alone.
 *
 * Why a per-code-point table is exact: NFKC works on segments that start at a code point with a
 * "boundary before" (ICU: hasBoundaryBefore, a starter that never combines with what precedes
 * it). When the code point after c has such a boundary, c forms a segment alone, its NFKC is
 * NFKC(c) and the table applies. Otherwise (c followed by a combining mark, Hangul jamo ...)
 * the segment up to the next boundary goes through ICU. Segments are cut after 32 code points,
 * as the stream-safe text format of UAX #15 does, so that text made only of combining marks
 * costs linear time instead of ICU's quadratic canonical reordering; this changes nothing for
 * real text. The unit tests compare the fast path with akh_fold_reference() on every code point
 * in several contexts.
 */
#include "fold.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

/* Code points below this limit have a precomputed entry. */
#define AKH_FAST_LIMIT 0x3000

/* Longest segment handed to ICU at once (stream-safe text format: 30 non-starters + margin). */
#define SEGMENT_MAX 32

/*
 * A table entry: the folded bytes of the code point standing alone, inline when they fit in
 * four bytes (nearly always), else an offset into the pool; their length; and flags.
 */
typedef struct fast_entry
{
	uint32_t	info;			/* length (E_LEN_MASK bits) | flags */
	char		bytes[4];		/* the bytes, or a uint32 pool offset when length > 4 */
} fast_entry;

#define E_LEN_MASK 0xFFu
#define E_BOUNDARY (1u << 8)	/* NFKC boundary before this code point */
#define E_SPACE (1u << 9)		/* folds to white space */
#define E_FAST (1u << 10)		/* the entry's bytes are its fold when it stands alone */
#define E_SCRIPT_SHIFT 11		/* three bits of akh_script */
#define E_SCRIPT_MASK 7u
#define E_INLINE 4

/* Room kept free at the end of the output buffer by the fast loop: any entry plus a space. */
#define OUT_SLACK (E_LEN_MASK + 2)

#if OUT_SLACK > AKH_FOLD_SLACK
#error "AKH_FOLD_SLACK must cover OUT_SLACK"
#endif

typedef struct fold_rule
{
	uint32_t	first;
	uint32_t	last;
	int			nrep;
	uint32_t	rep[3];
	bool		pre;
} fold_rule;

static const fold_rule fold_rules[] = {
#include "gen/fold_rules.h"
};

#define NRULES (sizeof(fold_rules) / sizeof(fold_rules[0]))

struct akh_folder
{
	akh_env		env;
	const UNormalizer2 *nfkc;
	const UNormalizer2 *nfd;
	fold_rule	pre[NRULES];
	size_t		npre;
	fold_rule	post[NRULES];
	size_t		npost;
	fast_entry	fast[AKH_FAST_LIMIT];
	char	   *pool;
};

/* Emits code points into the output, collapsing white space. */
typedef struct emitter
{
	akh_buf    *out;
	bool		raw;			/* write white space as it comes (no collapsing) */
	bool		any;			/* something other than space was written */
	bool		pending_space;
	akh_status	st;
} emitter;

static int
rule_cmp(const void *a, const void *b)
{
	const fold_rule *ra = a;
	const fold_rule *rb = b;

	return ra->first < rb->first ? -1 : ra->first > rb->first;
}

static const fold_rule *
rule_find(const fold_rule *rules, size_t n, uint32_t cp)
{
	size_t		lo = 0;
	size_t		hi = n;

	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (cp < rules[mid].first)
			hi = mid;
		else if (cp > rules[mid].last)
			lo = mid + 1;
		else
			return &rules[mid];
	}
	return NULL;
}

static akh_script
script_of(uint32_t cp)
{
	UErrorCode	err = U_ZERO_ERROR;
	UScriptCode sc;

	if (!u_isalpha((UChar32) cp))
		return AKH_SCRIPT_NONE;
	sc = uscript_getScript((UChar32) cp, &err);
	if (U_FAILURE(err))
		return AKH_SCRIPT_NONE;
	switch (sc)
	{
		case USCRIPT_LATIN:
			return AKH_SCRIPT_LATIN;
		case USCRIPT_ARABIC:
			return AKH_SCRIPT_ARABIC;
		case USCRIPT_GREEK:
		case USCRIPT_CYRILLIC:
			return AKH_SCRIPT_GREEK_CYRILLIC;
		default:
			return AKH_SCRIPT_OTHER;
	}
}

akh_script
akh_folder_script(const akh_folder *f, uint32_t cp)
{
	if (cp < AKH_FAST_LIMIT)
		return (akh_script) ((f->fast[cp].info >> E_SCRIPT_SHIFT) & E_SCRIPT_MASK);
	return script_of(cp);
}

/*
 * Steps 2 and 3 for one code point of NFKC output: writes up to 9 code points to out
 * (white space as U+0020) and returns their number.
 */
static int
fold_post(const akh_folder *f, uint32_t cp, uint32_t *out)
{
	const fold_rule *r = rule_find(f->post, f->npost, cp);
	UChar		src[2];
	UChar		folded[8];
	UErrorCode	err = U_ZERO_ERROR;
	int32_t		srclen = 0;
	int32_t		nfolded;
	int32_t		k = 0;
	int			n = 0;

	if (r != NULL)
	{
		memcpy(out, r->rep, sizeof(uint32_t) * r->nrep);
		return r->nrep;
	}
	U16_APPEND_UNSAFE(src, srclen, cp);
	nfolded = u_strFoldCase(folded, 8, src, srclen, U_FOLD_CASE_DEFAULT, &err);
	if (U_FAILURE(err) || nfolded > 8)
	{
		out[0] = cp;
		return 1;
	}
	while (k < nfolded)
	{
		UChar32		c;

		U16_NEXT(folded, k, nfolded, c);
		r = rule_find(f->post, f->npost, (uint32_t) c);
		if (r == NULL && (script_of((uint32_t) c) == AKH_SCRIPT_LATIN ||
						  script_of((uint32_t) c) == AKH_SCRIPT_GREEK_CYRILLIC))
		{
			/* Latin, Greek, Cyrillic: keep the base letter of the canonical decomposition. */
			UChar		dec[8];
			UErrorCode	derr = U_ZERO_ERROR;
			int32_t		ndec = unorm2_getDecomposition(f->nfd, c, dec, 8, &derr);

			if (U_SUCCESS(derr) && ndec > 0)
			{
				int32_t		d = 0;

				U16_NEXT(dec, d, ndec, c);
				r = rule_find(f->post, f->npost, (uint32_t) c);
			}
		}
		if (r != NULL)
		{
			memcpy(out + n, r->rep, sizeof(uint32_t) * r->nrep);
			n += r->nrep;
		}
		else if (u_isUWhiteSpace(c))
			out[n++] = ' ';
		else
			out[n++] = (uint32_t) c;
	}
	return n;
}

static void
emit_space(emitter *em)
{
	if (em->raw && em->st == AKH_OK)
		em->st = akh_buf_append(em->out, " ", 1);
	else
		em->pending_space = em->any;
}

static void
emit_bytes(emitter *em, const char *s, size_t n)
{
	if (n == 0 || em->st != AKH_OK)
		return;
	if (em->pending_space)
	{
		em->st = akh_buf_append(em->out, " ", 1);
		em->pending_space = false;
	}
	if (em->st == AKH_OK)
		em->st = akh_buf_append(em->out, s, n);
	em->any = true;
}

static void
emit_cp(emitter *em, uint32_t cp)
{
	char		u[4];

	if (cp == ' ')
		emit_space(em);
	else
		emit_bytes(em, u, (size_t) akh_utf8_encode(cp, u));
}

/* Applies the pre rules while converting code points to UTF-16. */
static int32_t
to_utf16_pre(const akh_folder *f, const uint32_t *cps, size_t n, UChar *dst)
{
	int32_t		len = 0;

	for (size_t i = 0; i < n; i++)
	{
		const fold_rule *r = rule_find(f->pre, f->npre, cps[i]);

		if (r == NULL)
			U16_APPEND_UNSAFE(dst, len, cps[i]);
		else
			for (int k = 0; k < r->nrep; k++)
				U16_APPEND_UNSAFE(dst, len, r->rep[k]);
	}
	return len;
}

/* NFKC of UTF-16 text, then steps 2-3 on each code point of the result. */
static void
fold_utf16(const akh_folder *f, const UChar *src, int32_t srclen, UChar *nfbuf,
		   int32_t nfcap, emitter *em)
{
	UErrorCode	err = U_ZERO_ERROR;
	int32_t		nflen = unorm2_normalize(f->nfkc, src, srclen, nfbuf, nfcap, &err);
	int32_t		k = 0;

	if (U_FAILURE(err) || nflen > nfcap)
	{
		em->st = AKH_EICU;
		return;
	}
	while (k < nflen)
	{
		UChar32		c;
		uint32_t	outcp[12];
		int			nout;

		U16_NEXT(nfbuf, k, nflen, c);
		nout = fold_post(f, (uint32_t) c, outcp);
		for (int j = 0; j < nout; j++)
			emit_cp(em, outcp[j]);
	}
}

/* The slow path for one short segment (at most SEGMENT_MAX code points). */
static void
fold_segment(const akh_folder *f, const uint32_t *cps, size_t n, emitter *em)
{
	/* 3 rule code points per input code point, 2 units each; NFKC expands by at most 18. */
	UChar		src[SEGMENT_MAX * 6];
	UChar		nf[SEGMENT_MAX * 6 * 18];
	int32_t		srclen = to_utf16_pre(f, cps, n, src);

	fold_utf16(f, src, srclen, nf, (int32_t) (sizeof(nf) / sizeof(nf[0])), em);
}

static void *
no_alloc(void *ctx, size_t size)
{
	(void) ctx;
	(void) size;
	return NULL;
}

static void *
no_realloc(void *ctx, void *ptr, size_t size)
{
	(void) ctx;
	(void) ptr;
	(void) size;
	return NULL;
}

static void
no_free(void *ctx, void *ptr)
{
	(void) ctx;
	(void) ptr;
}

/* An environment for fixed buffers: growing one fails instead of reallocating. */
static const akh_env fixed_env = {no_alloc, no_realloc, no_free, NULL, NULL};

static inline const char *
entry_bytes(const akh_folder *f, const fast_entry *fe)
{
	uint32_t	off;

	if ((fe->info & E_LEN_MASK) <= E_INLINE)
		return fe->bytes;
	memcpy(&off, fe->bytes, sizeof(off));
	return f->pool + off;
}

int
akh_fold_cp(const akh_folder *f, uint32_t cp, char *out)
{
	akh_buf		buf = {out, 0, AKH_FOLD_CP_MAX, &fixed_env};
	emitter		em = {&buf, true, false, false, AKH_OK};
	const fast_entry *fe = cp < AKH_FAST_LIMIT ? &f->fast[cp] : NULL;

	if (fe != NULL && (fe->info & E_SPACE))
	{
		out[0] = ' ';
		return 1;
	}
	if (fe != NULL && (fe->info & E_FAST))
	{
		size_t		len = fe->info & E_LEN_MASK;

		memcpy(out, entry_bytes(f, fe), len);
		return (int) len;
	}
	fold_segment(f, &cp, 1, &em);
	return em.st == AKH_OK ? (int) buf.len : -1;
}

static akh_status
build_table(akh_folder *f)
{
	akh_buf		pool;
	akh_status	st;

	akh_buf_init(&pool, &f->env);
	for (uint32_t cp = 0; cp < AKH_FAST_LIMIT; cp++)
	{
		fast_entry *fe = &f->fast[cp];
		uint32_t	info = (uint32_t) script_of(cp) << E_SCRIPT_SHIFT;
		char		out[AKH_FOLD_CP_MAX];
		int			n;

		if (unorm2_hasBoundaryBefore(f->nfkc, (UChar32) cp))
			info |= E_BOUNDARY;
		/* Surrogates never occur in valid UTF-8; they keep no fast entry. */
		n = (cp >= 0xD800 && cp <= 0xDFFF) ? -1 : akh_fold_cp(f, cp, out);
		if (n == 1 && out[0] == ' ')
			info |= E_SPACE | E_FAST;
		else if (n >= 0 && (size_t) n <= E_LEN_MASK && memchr(out, ' ', (size_t) n) == NULL)
		{
			/* A result holding a space among other bytes (U+00A8 ...) takes the slow path. */
			info |= E_FAST | (uint32_t) n;
			if (n <= E_INLINE)
				memcpy(fe->bytes, out, (size_t) n);
			else
			{
				uint32_t	off = (uint32_t) pool.len;

				memcpy(fe->bytes, &off, sizeof(off));
				if ((st = akh_buf_append(&pool, out, (size_t) n)) != AKH_OK)
				{
					akh_buf_free(&pool);
					return st;
				}
			}
		}
		fe->info = info;
	}
	f->pool = pool.data;
	return AKH_OK;
}

akh_status
akh_folder_new(const akh_env *env, akh_folder **out)
{
	UErrorCode	err = U_ZERO_ERROR;
	akh_folder *f = env->alloc(env->ctx, sizeof(akh_folder));
	akh_status	st;

	*out = NULL;
	if (f == NULL)
		return AKH_ENOMEM;
	memset(f, 0, sizeof(*f));
	f->env = *env;
	f->nfkc = unorm2_getNFKCInstance(&err);
	f->nfd = unorm2_getNFDInstance(&err);
	if (U_FAILURE(err))
	{
		env->free(env->ctx, f);
		return AKH_EICU;
	}
	for (size_t i = 0; i < NRULES; i++)
	{
		if (fold_rules[i].pre)
			f->pre[f->npre++] = fold_rules[i];
		else
			f->post[f->npost++] = fold_rules[i];
	}
	qsort(f->pre, f->npre, sizeof(fold_rule), rule_cmp);
	qsort(f->post, f->npost, sizeof(fold_rule), rule_cmp);
	if ((st = build_table(f)) != AKH_OK)
	{
		env->free(env->ctx, f);
		return st;
	}
	*out = f;
	return AKH_OK;
}

void
akh_folder_free(akh_folder *f)
{
	akh_env		env;

	if (f == NULL)
		return;
	env = f->env;
	if (f->pool != NULL)
		env.free(env.ctx, f->pool);
	env.free(env.ctx, f);
}

static inline bool
boundary_before(const akh_folder *f, uint32_t cp)
{
	if (cp < AKH_FAST_LIMIT)
		return (f->fast[cp].info & E_BOUNDARY) != 0;
	return unorm2_hasBoundaryBefore(f->nfkc, (UChar32) cp);
}

/*
 * The slow path from byte i: the segment that starts there, up to the next code point with a
 * boundary before it (or SEGMENT_MAX code points), folded through ICU. Returns the byte index
 * after the segment, or 0 on error (em->st says which).
 */
static size_t
fold_slow(const akh_folder *f, const unsigned char *p, size_t n, size_t i, emitter *em)
{
	uint32_t	seg[SEGMENT_MAX];
	size_t		nseg = 0;

	while (i < n && nseg < SEGMENT_MAX)
	{
		uint32_t	c;
		int			cl = akh_utf8_decode(p + i, n - i, &c);

		if (cl == 0)
		{
			em->st = AKH_EUTF8;
			return 0;
		}
		if (nseg > 0 && boundary_before(f, c))
			break;
		seg[nseg++] = c;
		i += (size_t) cl;
	}
	fold_segment(f, seg, nseg, em);
	return em->st == AKH_OK ? i : 0;
}

/*
 * The fast loop takes each code point's fold from the table as if it stood alone, which is
 * exact when the next code point has an NFKC boundary before it. Rather than look ahead at
 * every step, it looks back: meeting a code point without that boundary (a combining mark,
 * rare), it takes back the previous code point's output and folds the segment from there
 * through ICU.
 */
akh_status
akh_fold(const akh_folder *f, const char *s, size_t n, akh_buf *out)
{
	const unsigned char *p = (const unsigned char *) s;
	emitter		em = {out, false, false, false, AKH_OK};
	size_t		i = 0;
	size_t		next_tick = AKH_TICK_BYTES;
	char	   *o;
	char	   *limit;
	akh_status	st;

	/* The emitter's state, in locals (registers) in the fast loop. */
	bool		any = false;
	bool		pending = false;

	/* What to restore to fold the previous code point again through the slow path. */
	bool		prev_fast = false;
	size_t		prev_i = 0;
	size_t		prev_len = 0;
	bool		prev_any = false;
	bool		prev_pending = false;

	/* Most text folds to at most its own length: reserve that once. */
	if ((st = akh_buf_reserve(out, n + OUT_SLACK)) != AKH_OK)
		return st;
	o = out->data + out->len;
	limit = out->data + out->cap - OUT_SLACK;
	while (i < n)
	{
		uint32_t	c = p[i];
		int			cl = 1;
		size_t		j;

		if (o > limit || i >= next_tick)
		{
			out->len = (size_t) (o - out->data);
			if ((st = akh_buf_reserve(out, n - i + OUT_SLACK)) != AKH_OK)
				return st;
			o = out->data + out->len;
			limit = out->data + out->cap - OUT_SLACK;
			if (i >= next_tick && out->env->tick != NULL)
				out->env->tick(out->env->ctx);
			next_tick = i + AKH_TICK_BYTES;
		}
		if (c < 0x80 && i + 1 < n && p[i + 1] < 0x80)
		{
			/*
			 * A run of ASCII (a single byte between Arabic words takes the general path, whose
			 * set-up is lighter): every byte has an entry of at most one byte and a boundary
			 * before it, so no decoding and no look-back bookkeeping until the run ends.
			 */
			size_t		room = (size_t) (limit - o) / 2 + 1;
			size_t		end = n - i < room ? n : i + room;
			char	   *o_last = o;
			size_t		i_last = i;
			bool		last_any = any;
			bool		last_pending = pending;

			if (end > next_tick)
				end = next_tick;
			do
			{
				const fast_entry *fe = &f->fast[c];

				o_last = o;
				i_last = i;
				last_any = any;
				last_pending = pending;
				if (fe->info & E_SPACE)
					pending = any;
				else if (fe->info & E_LEN_MASK)
				{
					if (pending)
					{
						*o++ = ' ';
						pending = false;
					}
					*o++ = fe->bytes[0];
					any = true;
				}
			} while (++i < end && (c = p[i]) < 0x80);
			prev_fast = true;
			prev_i = i_last;
			prev_len = (size_t) (o_last - out->data);
			prev_any = last_any;
			prev_pending = last_pending;
			continue;
		}
		if (c >= 0x80 && (cl = akh_utf8_decode(p + i, n - i, &c)) == 0)
			return AKH_EUTF8;
		if (c < AKH_FAST_LIMIT)
		{
			const fast_entry *fe = &f->fast[c];
			uint32_t	info = fe->info;

			if ((info & (E_FAST | E_BOUNDARY)) == (E_FAST | E_BOUNDARY))
			{
				size_t		len = info & E_LEN_MASK;

				prev_fast = true;
				prev_i = i;
				prev_len = (size_t) (o - out->data);
				prev_any = any;
				prev_pending = pending;
				i += (size_t) cl;
				if (info & E_SPACE)
					pending = any;
				else if (len > 0)
				{
					if (pending)
					{
						*o++ = ' ';
						pending = false;
					}
					if (len <= E_INLINE)
						memcpy(o, fe->bytes, E_INLINE);	/* the slack absorbs extra bytes */
					else
						memcpy(o, entry_bytes(f, fe), len);
					o += len;
					any = true;
				}
				continue;
			}
		}
		/* Slow path, from the previous code point if this one may combine with it. */
		if (prev_fast && !boundary_before(f, c))
		{
			i = prev_i;
			o = out->data + prev_len;
			any = prev_any;
			pending = prev_pending;
		}
		out->len = (size_t) (o - out->data);
		em.any = any;
		em.pending_space = pending;
		if ((j = fold_slow(f, p, n, i, &em)) == 0)
			return em.st;
		any = em.any;
		pending = em.pending_space;
		i = j;
		prev_fast = false;
		if ((st = akh_buf_reserve(out, n - i + OUT_SLACK)) != AKH_OK)
			return st;
		o = out->data + out->len;
		limit = out->data + out->cap - OUT_SLACK;
	}
	out->len = (size_t) (o - out->data);
	return AKH_OK;
}

akh_status
akh_fold_reference(const akh_folder *f, const char *s, size_t n, akh_buf *out)
{
	const unsigned char *p = (const unsigned char *) s;
	emitter		em = {out, false, false, false, AKH_OK};
	uint32_t   *cps;
	UChar	   *src;
	UChar	   *nf;
	size_t		ncp = 0;
	int32_t		srclen;
	size_t		nfcap;

	if (n > (size_t) INT32_MAX / 64)
		return AKH_ETOOBIG;
	cps = f->env.alloc(f->env.ctx, (n + 1) * sizeof(uint32_t));
	src = f->env.alloc(f->env.ctx, (n + 1) * 3 * 2 * sizeof(UChar));
	nfcap = (n + 1) * 3 * 2 * 18;
	nf = f->env.alloc(f->env.ctx, nfcap * sizeof(UChar));
	if (cps == NULL || src == NULL || nf == NULL)
		em.st = AKH_ENOMEM;
	for (size_t i = 0; em.st == AKH_OK && i < n;)
	{
		int			l = akh_utf8_decode(p + i, n - i, &cps[ncp]);

		if (l == 0)
			em.st = AKH_EUTF8;
		i += (size_t) l;
		ncp++;
	}
	if (em.st == AKH_OK)
	{
		srclen = to_utf16_pre(f, cps, ncp, src);
		fold_utf16(f, src, srclen, nf, (int32_t) nfcap, &em);
	}
	if (cps != NULL)
		f->env.free(f->env.ctx, cps);
	if (src != NULL)
		f->env.free(f->env.ctx, src);
	if (nf != NULL)
		f->env.free(f->env.ctx, nf);
	return em.st;
}
