# Turns data/name_key.tsv into the rows of a C table (src/gen/name_key_rules.h), included by
# src/namekey.c inside the initializer of its rule array. Run by the Makefile:
#   awk -f tools/gen_name_key.awk data/name_key.tsv > src/gen/name_key_rules.h
#
# Letters are emitted as hex code points, so the generated C holds ASCII only. Rows come out
# sorted by first code point, longer patterns first, then in file order: namekey.c finds the
# rows of a letter by binary search and takes the first whose pattern and condition match.
#
# Works with gawk in any locale and with mawk: gawk in a UTF-8 locale reads characters, the
# others read bytes, and decode() below handles both.

function fail(msg) {
	printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"
	err = 1
}

function hexval(h,    v, k, d) {
	v = 0
	h = tolower(h)
	for (k = 1; k <= length(h); k++) {
		d = index("0123456789abcdef", substr(h, k, 1))
		if (d == 0)
			return -1
		v = v * 16 + d - 1
	}
	return v
}

# Code points of s into cps[1..]; returns their number, or -1 when s is not UTF-8 or holds a
# letter this script cannot read (write such letters as U+XXXX).
function decode(s, cps,    n, k, len, ch, b, need, cp, parts) {
	n = 0
	if (s ~ /^U\+[0-9A-Fa-f]+( U\+[0-9A-Fa-f]+)*$/) {
		len = split(s, parts, " ")
		for (k = 1; k <= len; k++)
			cps[++n] = hexval(substr(parts[k], 3))
		return n
	}
	len = length(s)
	for (k = 1; k <= len; k++) {
		ch = substr(s, k, 1)
		if (!(ch in ord))
			return -1
		b = ord[ch]
		if (charmode || b < 128) {
			cps[++n] = b
			continue
		}
		if (b >= 240 && b < 245) { need = 3; cp = b - 240 }
		else if (b >= 224) { need = 2; cp = b - 224 }
		else if (b >= 194 && b < 224) { need = 1; cp = b - 192 }
		else return -1
		for (; need > 0; need--) {
			k++
			ch = substr(s, k, 1)
			if (k > len || !(ch in ord) || ord[ch] < 128 || ord[ch] >= 192)
				return -1
			cp = cp * 64 + ord[ch] - 128
		}
		cps[++n] = cp
	}
	return n
}

function hexlist(cps, n, width,    k, s) {
	s = ""
	for (k = 1; k <= width; k++)
		s = s (k > 1 ? ", " : "") sprintf("0x%04X", k <= n ? cps[k] : 0)
	return s
}

BEGIN {
	FS = "\t"
	PAT_MAX = 4
	KEY_MAX = 3
	NEXT_MAX = 8
	charmode = (length("\303\251") == 1)
	if (charmode)
		for (c = 1; c < 12288; c++)
			ord[sprintf("%c", c)] = c
	else
		for (c = 1; c < 256; c++)
			ord[sprintf("%c", c)] = c
	nrows = 0
}

/^#/ || NF == 0 { next }

{
	if (NF < 3) { fail("expected pattern, key, when"); next }
	np = decode($1, pat)
	if (np < 1 || np > PAT_MAX) {
		fail("pattern must be 1 to " PAT_MAX " letters (UTF-8 or U+XXXX)")
		next
	}
	key = $2 == "-" ? "" : $2
	if (key !~ /^[a-z]*$/ || length(key) > KEY_MAX) {
		fail("key must be \"-\" or 1 to " KEY_MAX " of a-z")
		next
	}
	nn = 0
	if ($3 == "-") when = "NK_ANY"
	else if ($3 == "final") when = "NK_FINAL"
	else if ($3 == "inner") when = "NK_INNER"
	else if ($3 == "initial") when = "NK_INITIAL"
	else if ($3 == "word") when = "NK_WORD"
	else if ($3 == "raw") {
		when = "NK_RAW"
		if (np != 1 || pat[1] < 128 || key == "") {
			fail("a raw row replaces one non-ASCII letter by letters")
			next
		}
	}
	else if ($3 ~ /^before:./) {
		when = "NK_BEFORE"
		nn = decode(substr($3, 8), nxt)
		if (nn < 1 || nn > NEXT_MAX) { fail("before: takes 1 to " NEXT_MAX " letters"); next }
	}
	else { fail("unknown condition " $3); next }
	if (when != "NK_RAW" && key !~ /^[bdfghklmnrst]*$/) {
		fail("key letters are classes: b d f g h k l m n r s t")
		next
	}
	id = hexlist(pat, np, np) " " $3
	if (id in seen) { fail("same pattern and condition as line " seen[id]); next }
	seen[id] = FNR
	first[nrows] = pat[1]
	len[nrows] = np
	row[nrows] = sprintf("\t{{%s}, %d, %s, \"%s\", {%s}, %d},\t/* line %d */", hexlist(pat, np, np),
						 np, when, key, nn > 0 ? hexlist(nxt, nn, nn) : "0", nn, FNR)
	nrows++
}

END {
	if (err)
		exit 1
	if (nrows == 0) {
		print "data/name_key.tsv: no rules" > "/dev/stderr"
		exit 1
	}
	# Insertion sort (stable): first code point ascending, pattern length descending.
	for (i = 0; i < nrows; i++)
		order[i] = i
	for (i = 1; i < nrows; i++) {
		x = order[i]
		for (j = i - 1; j >= 0; j--) {
			y = order[j]
			if (first[y] < first[x] || (first[y] == first[x] && len[y] >= len[x]))
				break
			order[j + 1] = y
		}
		order[j + 1] = x
	}
	print "/* generated from data/name_key.tsv by tools/gen_name_key.awk: do not edit */"
	for (i = 0; i < nrows; i++)
		print row[order[i]]
}
