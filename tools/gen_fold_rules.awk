# Turns data/fold.tsv into a C table (src/gen/fold_rules.h). Run by the Makefile.
BEGIN { FS = "\t"; n = 0; print "/* generated from data/fold.tsv by tools/gen_fold_rules.awk: do not edit */" }
/^#/ || NF == 0 { next }
{
	if (NF < 4) { printf "data/fold.tsv:%d: expected 4 columns\n", NR > "/dev/stderr"; exit 1 }
	if ($4 != "pre" && $4 != "post") { printf "data/fold.tsv:%d: bad stage %s\n", NR, $4 > "/dev/stderr"; exit 1 }
	nrep = 0; rep = ""
	if ($3 != "-") {
		nrep = split($3, parts, " ")
		if (nrep > 3) { printf "data/fold.tsv:%d: more than 3 code points\n", NR > "/dev/stderr"; exit 1 }
		for (k = 1; k <= nrep; k++) rep = rep (k > 1 ? ", " : "") "0x" parts[k]
	}
	if (rep == "") rep = "0"
	printf "\t{0x%s, 0x%s, %d, {%s}, %s},\n", $1, $2, nrep, rep, ($4 == "pre" ? "true" : "false")
	n++
}
END { if (n == 0) { print "data/fold.tsv: no rules" > "/dev/stderr"; exit 1 } }
