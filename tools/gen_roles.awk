# Turns data/roles.tsv into a C initializer of {role, phrase} pairs (src/gen/roles.h). Run by
# the Makefile with LC_ALL=C so that awk sees bytes; bytes above 0x7F are written as octal
# escapes (three digits, so no following character can extend them).
BEGIN {
	FS = "\t"
	for (i = 0; i < 256; i++) ord[sprintf("%c", i)] = i
	print "/* generated from data/roles.tsv by tools/gen_roles.awk: do not edit */"
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
/^#/ || NF == 0 { next }
{
	if (NF != 3 || ($1 != "ar" && $1 != "fr" && $1 != "en")) {
		printf "data/roles.tsv:%d: expected lang, role, phrase\n", NR > "/dev/stderr"; exit 1
	}
	printf "\t{%s, %s},\n", cstr($2), cstr($3)
}
