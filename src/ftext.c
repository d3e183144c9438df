/*
 * ftext.c — the akhbar.ftext type: text that compares by its fold() key.
 *
 * Representation: a varlena holding a 4-byte length of the original text, the original text,
 * then its folded key:
 *
 *     [varlena header][uint32 original length][original bytes][fold(original) bytes]
 *
 * The key is computed once, when a value is made (input, receive, cast from text), so that
 * comparisons, hashing and index searches are plain memcmp of keys and never call ICU.
 * Output, send and the cast to text give back the original spelling. Ordering is by the bytes
 * of the key, that is by code point, like COLLATE "C": equality, ordering and hashing are
 * decided in one place (ftext_key) and always agree.
 *
 * The send/receive format is the original text alone, so a binary copy between servers stays
 * valid even if a later akhbar folds differently (the receiver recomputes the key).
 */
#include "postgres.h"

#include "access/hash.h"
#include "common/hashfn.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "akhbar_pg.h"

typedef struct ftext_parts
{
	const char *orig;
	size_t		orig_len;
	const char *key;
	size_t		key_len;
} ftext_parts;

static ftext_parts
ftext_split(const struct varlena *v)
{
	const char *p = VARDATA_ANY(v);
	size_t		size = VARSIZE_ANY_EXHDR(v);
	uint32		orig_len;
	ftext_parts parts;

	if (size < sizeof(uint32))
		elog(ERROR, "corrupt akhbar.ftext value (%zu bytes)", size);
	memcpy(&orig_len, p, sizeof(uint32));
	if (orig_len > size - sizeof(uint32))
		elog(ERROR, "corrupt akhbar.ftext value (length %u of %zu)", orig_len, size);
	parts.orig = p + sizeof(uint32);
	parts.orig_len = orig_len;
	parts.key = parts.orig + orig_len;
	parts.key_len = size - sizeof(uint32) - orig_len;
	return parts;
}

/* Builds an ftext from the original text s[0..n). */
static struct varlena *
ftext_make(const char *s, size_t n)
{
	akh_buf		buf;
	uint32		orig_len = (uint32) n;

	akh_pg_varlena_begin(&buf, sizeof(uint32) + 2 * n + AKH_FOLD_SLACK, "akhbar.ftext");
	memcpy(buf.data + buf.len, &orig_len, sizeof(uint32));
	buf.len += sizeof(uint32);
	memcpy(buf.data + buf.len, s, n);
	buf.len += n;
	akh_pg_check(akh_fold(akh_pg_folder(), s, n, &buf), "akhbar.ftext");
	return akh_pg_varlena_end(&buf, "akhbar.ftext");
}

/* The one comparison behind every operator, the btree support function and merge joins. */
static int
ftext_key_cmp(const struct varlena *a, const struct varlena *b)
{
	ftext_parts pa = ftext_split(a);
	ftext_parts pb = ftext_split(b);
	int			c = memcmp(pa.key, pb.key, Min(pa.key_len, pb.key_len));

	if (c != 0)
		return c;
	return pa.key_len < pb.key_len ? -1 : pa.key_len > pb.key_len;
}

PG_FUNCTION_INFO_V1(ftext_in);
Datum
ftext_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);

	PG_RETURN_POINTER(ftext_make(s, strlen(s)));
}

PG_FUNCTION_INFO_V1(ftext_out);
Datum
ftext_out(PG_FUNCTION_ARGS)
{
	ftext_parts p = ftext_split(PG_GETARG_VARLENA_PP(0));

	PG_RETURN_CSTRING(pnstrdup(p.orig, p.orig_len));
}

PG_FUNCTION_INFO_V1(ftext_recv);
Datum
ftext_recv(PG_FUNCTION_ARGS)
{
	StringInfo	msg = (StringInfo) PG_GETARG_POINTER(0);
	int			n;
	char	   *s = pq_getmsgtext(msg, msg->len - msg->cursor, &n);

	PG_RETURN_POINTER(ftext_make(s, (size_t) n));
}

PG_FUNCTION_INFO_V1(ftext_send);
Datum
ftext_send(PG_FUNCTION_ARGS)
{
	ftext_parts p = ftext_split(PG_GETARG_VARLENA_PP(0));
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendtext(&buf, p.orig, (int) p.orig_len);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(ftext_from_text);
Datum
ftext_from_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_POINTER(ftext_make(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)));
}

PG_FUNCTION_INFO_V1(ftext_to_text);
Datum
ftext_to_text(PG_FUNCTION_ARGS)
{
	ftext_parts p = ftext_split(PG_GETARG_VARLENA_PP(0));

	PG_RETURN_TEXT_P(cstring_to_text_with_len(p.orig, (int) p.orig_len));
}

/* The folded key as text: what the value compares by. */
PG_FUNCTION_INFO_V1(ftext_key);
Datum
ftext_key(PG_FUNCTION_ARGS)
{
	ftext_parts p = ftext_split(PG_GETARG_VARLENA_PP(0));

	PG_RETURN_TEXT_P(cstring_to_text_with_len(p.key, (int) p.key_len));
}

#define FTEXT_CMP_FUNCTION(name, test) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	int			c = ftext_key_cmp(PG_GETARG_VARLENA_PP(0), PG_GETARG_VARLENA_PP(1)); \
	PG_RETURN_BOOL(test); \
}

FTEXT_CMP_FUNCTION(ftext_eq, c == 0)
FTEXT_CMP_FUNCTION(ftext_ne, c != 0)
FTEXT_CMP_FUNCTION(ftext_lt, c < 0)
FTEXT_CMP_FUNCTION(ftext_le, c <= 0)
FTEXT_CMP_FUNCTION(ftext_gt, c > 0)
FTEXT_CMP_FUNCTION(ftext_ge, c >= 0)

PG_FUNCTION_INFO_V1(ftext_cmp);
Datum
ftext_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(ftext_key_cmp(PG_GETARG_VARLENA_PP(0), PG_GETARG_VARLENA_PP(1)));
}

PG_FUNCTION_INFO_V1(ftext_smaller);
Datum
ftext_smaller(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_VARLENA_PP(0);
	struct varlena *b = PG_GETARG_VARLENA_PP(1);

	PG_RETURN_POINTER(ftext_key_cmp(a, b) <= 0 ? a : b);
}

PG_FUNCTION_INFO_V1(ftext_larger);
Datum
ftext_larger(PG_FUNCTION_ARGS)
{
	struct varlena *a = PG_GETARG_VARLENA_PP(0);
	struct varlena *b = PG_GETARG_VARLENA_PP(1);

	PG_RETURN_POINTER(ftext_key_cmp(a, b) >= 0 ? a : b);
}

PG_FUNCTION_INFO_V1(ftext_hash);
Datum
ftext_hash(PG_FUNCTION_ARGS)
{
	ftext_parts p = ftext_split(PG_GETARG_VARLENA_PP(0));

	return hash_any((const unsigned char *) p.key, (int) p.key_len);
}

PG_FUNCTION_INFO_V1(ftext_hash_extended);
Datum
ftext_hash_extended(PG_FUNCTION_ARGS)
{
	ftext_parts p = ftext_split(PG_GETARG_VARLENA_PP(0));

	return hash_any_extended((const unsigned char *) p.key, (int) p.key_len,
							 PG_GETARG_INT64(1));
}
