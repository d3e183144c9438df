# Turns data/boilerplate.tsv into C (src/gen/boilerplate.h): one AKH_BP(KIND, "pattern") a
# row, the pattern as a C string literal of ASCII letters, digits and spaces and \xNN escapes,
# so that no generated line holds a non-ASCII byte. Run by the Makefile:
#   awk -f tools/gen_boilerplate.awk data/boilerplate.tsv > src/gen/boilerplate.h
#
# Works with gawk in a UTF-8 locale (which reads characters) as well as with gawk in the C
# locale, mawk and other byte-reading awks: enc[] maps whatever unit awk reads to its escapes.
BEGIN {
	FS = "\t"
	n = 0
	kinds["line"] = "LINE"
	kinds["line_any"] = "LINE_ANY"
	kinds["line_start"] = "LINE_START"
	kinds["line_exact"] = "LINE_EXACT"
	kinds["rest"] = "REST"
	kinds["network"] = "NETWORK"
	hex = "0123456789abcdef"
	# The two bytes of U+0627 are one character to gawk in a UTF-8 locale, two elsewhere.
	utf8 = length("\330\247") == 1
	if (utf8)
	{
		for (cp = 128; cp < 65536; cp++)
			if (cp < 55296 || cp > 57343)
				enc[sprintf("%c", cp)] = utf8_escapes(cp)
	}
	else
	{
		for (b = 128; b < 256; b++)
			enc[sprintf("%c", b)] = "\\x" byte_hex(b)
	}
	print "/* generated from data/boilerplate.tsv by tools/gen_boilerplate.awk: do not edit */"
}

function byte_hex(b)
{
	return substr(hex, int(b / 16) + 1, 1) substr(hex, b % 16 + 1, 1)
}

function utf8_escapes(cp)
{
	if (cp < 2048)
		return "\\x" byte_hex(192 + int(cp / 64)) "\\x" byte_hex(128 + cp % 64)
	return "\\x" byte_hex(224 + int(cp / 4096)) "\\x" byte_hex(128 + int(cp / 64) % 64) \
		"\\x" byte_hex(128 + cp % 64)
}

function fail(msg)
{
	printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"
	failed = 1
	exit 1
}

# The pattern as the inside of a C string literal. A hex escape swallows every hex digit that
# follows it, so a letter or digit after an escape starts a new literal: "\xd8" "a".
function c_literal(s,    out, i, c, after_escape)
{
	out = ""
	after_escape = 0
	for (i = 1; i <= length(s); i++)
	{
		c = substr(s, i, 1)
		if (c ~ /^[a-z0-9 ]$/)
		{
			if (after_escape && c ~ /^[0-9a-f]$/)
				out = out "\" \""
			out = out c
			after_escape = 0
		}
		else if (c in enc)
		{
			out = out enc[c]
			after_escape = 1
		}
		else
			fail("pattern \"" s "\": write it folded (a-z, 0-9, single spaces, no punctuation)")
	}
	return out
}

/^#/ || NF == 0 { next }
{
	if (NF < 2)
		fail("expected kind<TAB>pattern[<TAB>note]")
	if (!($1 in kinds))
		fail("unknown kind \"" $1 "\" (line, line_any, line_start, line_exact, rest, network)")
	if ($2 == "" || $2 ~ /^ / || $2 ~ / $/ || $2 ~ /  /)
		fail("pattern \"" $2 "\": empty, or not single spaces between words")
	if (($1 SUBSEP $2) in seen)
		fail("duplicate pattern \"" $2 "\"")
	seen[$1, $2] = 1
	printf "\tAKH_BP(%s, \"%s\")\n", kinds[$1], c_literal($2)
	n++
}
END {
	if (!failed && n == 0)
	{
		print FILENAME ": no patterns" > "/dev/stderr"
		exit 1
	}
}
