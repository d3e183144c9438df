# Turns the rows of data/dates.tsv (lang, kind, value, word), sorted by word, into a C
# initializer of AKH_DW(word, lang, kind, value) rows (src/gen/dates.h). Run by the Makefile:
#   grep -v '^#' data/dates.tsv | LC_ALL=C sort -t TAB -k4,4 | LC_ALL=C awk -f tools/gen_dates.awk
# LC_ALL=C so that awk sees bytes; bytes above 0x7F are written as octal escapes (three
# digits, so no following character can extend them). Checks each row: a known lang and
# kind, a value that suits the kind, a word of at most 4 words and 63 bytes, and no word twice
# (src/dates.c looks words up by binary search and takes the first it finds).
BEGIN {
	FS = "\t"
	for (i = 0; i < 256; i++) ord[sprintf("%c", i)] = i
	split("month weekday relative unit past future this article prep part since day daypart ordinal of block plan not_future range", k, " ")
	for (i in k) kinds[k[i]] = 1
	print "/* generated from data/dates.tsv by tools/gen_dates.awk: do not edit */"
	prev = ""
}
function cstr(s,    out, i, c) {
	out = ""
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (ord[c] >= 128) out = out sprintf("\\%03o", ord[c])
		else if (c == "\"" || c == "\\") out = out "\\" c
		else out = out c
	}
	return "\"" out "\""
}
function fail(msg) {
	printf "data/dates.tsv: \"%s\": %s\n", $0, msg > "/dev/stderr"
	exit 1
}
function value_of(kind, v) {
	if (kind == "month") { if (v !~ /^([1-9]|1[0-2])$/) fail("a month is 1..12"); return v }
	if (kind == "weekday") { if (v !~ /^[1-7]$/) fail("a weekday is 1..7"); return v }
	if (kind == "relative") { if (v !~ /^-?[0-9]$/) fail("a relative day is -9..9"); return v }
	if (kind == "ordinal") { if (v !~ /^([1-9]|[12][0-9]|3[01])$/) fail("an ordinal is 1..31"); return v }
	if (kind == "unit") { if (v !~ /^(week|month|year)$/) fail("a unit is week, month or year"); return "V_" toupper(v) }
	if (kind ~ /^(past|future|this|daypart|block)$/) {
		if (v !~ /^(before|after)$/) fail("expected before or after")
		return "V_" toupper(v)
	}
	if (v != "-") fail("this kind takes no value: write -")
	return 0
}
NF == 0 { next }
{
	if (NF != 4) fail("expected lang, kind, value, word")
	if ($1 != "ar" && $1 != "fr" && $1 != "en") fail("lang is ar, fr or en")
	if (!($2 in kinds)) fail("unknown kind")
	v = value_of($2, $3)
	if ($4 !~ /^[^ ]+( [^ ]+){0,3}$/ || length($4) > 63) fail("a word is 1 to 4 words of 63 bytes at most, single spaces")
	if ($4 ~ /[A-Z"\\]/) fail("words are folded: no capitals, quotes or backslashes")
	if ($4 == prev) fail("word listed twice")
	if (prev != "" && $4 < prev) fail("rows not sorted by word (LC_ALL=C sort -k4,4)")
	prev = $4
	printf "\tAKH_DW(%s, %s, %s, %s),\n", cstr($4), $1, $2, v
}
