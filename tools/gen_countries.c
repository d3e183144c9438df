/*
 * gen_countries.c — prints the countries and territories of ISO 3166-1 with their CLDR names
 * in English, French and Arabic, as ICU has them, in the gazetteer's TSV format
 * (data/gazetteer/README.md). Run by the Makefile at build time:
 *
 *     build/gen_countries data/gazetteer/country_names.tsv > build/countries.tsv
 *
 * country_names.tsv gives, for the codes where CLDR's English name is not the English
 * Wikipedia title ("Myanmar (Burma)"), the title to use. CLDR's short names, where they differ
 * from the standard ones, become aliases.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uldnames.h>
#include <unicode/uloc.h>
#include <unicode/uregion.h>
#include <unicode/ustring.h>

#define NAME_MAX_BYTES 256

/* Regions ICU knows that are not countries or territories of ISO 3166-1. */
static const char *const skipped[] = {"DG", "EA", "IC", "EU", "EZ", "UN", "QO", "ZZ", NULL};

/* Kosovo has a CLDR code but no ISO numeric code: it gets an id of the regions range. */
#define KOSOVO_ID 9990

static int
region_name(ULocaleDisplayNames *ldn, const char *code, char *out)
{
	UChar		buf[NAME_MAX_BYTES];
	UErrorCode	err = U_ZERO_ERROR;
	int32_t		len = uldn_regionDisplayName(ldn, code, buf, NAME_MAX_BYTES, &err);

	if (U_FAILURE(err) || len <= 0)
		return -1;
	u_strToUTF8(out, NAME_MAX_BYTES, NULL, buf, len, &err);
	return U_FAILURE(err) ? -1 : 0;
}

static ULocaleDisplayNames *
open_names(const char *locale, UDisplayContext length)
{
	UDisplayContext ctx[] = {UDISPCTX_STANDARD_NAMES, length};
	UErrorCode	err = U_ZERO_ERROR;
	ULocaleDisplayNames *ldn = uldn_openForContext(locale, ctx, 2, &err);

	if (U_FAILURE(err))
	{
		fprintf(stderr, "gen_countries: ICU display names for %s: %s\n", locale, u_errorName(err));
		exit(1);
	}
	return ldn;
}

/* Looks up code in the overrides file (iso2 TAB name_en per line, # comments). */
static const char *
override_name(char overrides[][2][NAME_MAX_BYTES], int n, const char *code)
{
	for (int i = 0; i < n; i++)
		if (strcmp(overrides[i][0], code) == 0)
			return overrides[i][1];
	return NULL;
}

int
main(int argc, char **argv)
{
	static char overrides[512][2][NAME_MAX_BYTES];
	static const char *const langs[] = {"en", "fr", "ar"};
	ULocaleDisplayNames *full[3];
	ULocaleDisplayNames *shortn[3];
	const char *const *codes = uloc_getISOCountries();
	int			noverrides = 0;
	FILE	   *fp;
	char		line[1024];

	if (argc != 2 || (fp = fopen(argv[1], "r")) == NULL)
	{
		fprintf(stderr, "usage: gen_countries country_names.tsv\n");
		return 1;
	}
	while (fgets(line, sizeof(line), fp) != NULL && noverrides < 512)
	{
		char	   *tab = strchr(line, '\t');

		if (line[0] == '#' || tab == NULL)
			continue;
		*tab = '\0';
		tab[strcspn(tab + 1, "\r\n") + 1] = '\0';
		snprintf(overrides[noverrides][0], NAME_MAX_BYTES, "%.200s", line);
		snprintf(overrides[noverrides][1], NAME_MAX_BYTES, "%.200s", tab + 1);
		noverrides++;
	}
	fclose(fp);

	for (int l = 0; l < 3; l++)
	{
		full[l] = open_names(langs[l], UDISPCTX_LENGTH_FULL);
		shortn[l] = open_names(langs[l], UDISPCTX_LENGTH_SHORT);
	}
	printf("id\tkind\tname_en\tname_fr\tname_ar\twikidata\tcountry\troles\taliases_en\taliases_fr\taliases_ar\n");
	for (; *codes != NULL; codes++)
	{
		const char *code = *codes;
		char		names[3][NAME_MAX_BYTES];
		char		shorts[3][NAME_MAX_BYTES];
		const char *title;
		UErrorCode	err = U_ZERO_ERROR;
		const URegion *region;
		int32_t		id;
		bool		skip = false;

		for (int s = 0; skipped[s] != NULL; s++)
			skip |= strcmp(skipped[s], code) == 0;
		if (skip)
			continue;
		region = uregion_getRegionFromCode(code, &err);
		id = U_SUCCESS(err) ? uregion_getNumericCode(region) : -1;
		if (strcmp(code, "XK") == 0)
			id = KOSOVO_ID;
		if (id <= 0)
			continue;
		for (int l = 0; l < 3; l++)
		{
			if (region_name(full[l], code, names[l]) != 0 ||
				region_name(shortn[l], code, shorts[l]) != 0)
			{
				fprintf(stderr, "gen_countries: no %s name for %s\n", langs[l], code);
				return 1;
			}
		}
		title = override_name(overrides, noverrides, code);
		printf("%d\tplace\t%s\t%s\t%s\t\t%s\t", id, title ? title : names[0], names[1], names[2], code);
		/* Aliases: the CLDR name replaced by the title, and short names that differ. */
		printf("\t%s", title && strcmp(title, names[0]) != 0 ? names[0] : "");
		if (strcmp(shorts[0], names[0]) != 0)
			printf("%s%s", title && strcmp(title, names[0]) != 0 ? "|" : "", shorts[0]);
		for (int l = 1; l < 3; l++)
			printf("\t%s", strcmp(shorts[l], names[l]) != 0 ? shorts[l] : "");
		printf("\n");
	}
	for (int l = 0; l < 3; l++)
	{
		uldn_close(full[l]);
		uldn_close(shortn[l]);
	}
	return 0;
}
