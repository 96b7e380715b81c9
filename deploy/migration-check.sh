#!/usr/bin/env bash
# usage: migration-check.sh NEW_JAR [PREVIOUS_JAR]
#
# Lists the non-additive statements among the Flyway migrations that NEW_JAR adds to PREVIOUS_JAR
# (all of them without PREVIOUS_JAR), one line each: `FILE: RULE: statement`. Exit 0 when there is
# none, 1 when there are, 2 on bad input. deploy.sh refuses such a release unless run with
# --allow-destructive-migration (docs/deploy.md, "Migration policy").
#
# Migrations are read out of the jar with unzip: db/migration/*.sql of the application classes and
# of every nested library jar (Flyway scans the whole classpath; carmarket's live in adapters-r2dbc).
# Only files new to this release are checked: the previous release's migrations have been applied.
# The rules are those of adapters-r2dbc's MigrationSafetyRules: DROP, RENAME, TRUNCATE, DELETE FROM,
# a column type change, SET NOT NULL, ADD COLUMN ... NOT NULL without DEFAULT. Comments, string
# literals and dollar-quoted bodies do not count. A file carrying `-- carmarket:destructive-allowed`
# in its first 5 lines is exempt: its author accepted the risk.
set -euo pipefail

readonly MARKER='-- carmarket:destructive-allowed'

usage() {
  echo "usage: $(basename "$0") NEW_JAR [PREVIOUS_JAR]" >&2
  exit 2
}

# extract_migrations JAR DIR: every db/migration/*.sql of JAR (and its nested jars) into DIR, flat.
extract_migrations() {
  local jar=$1 dir=$2 work nested
  work="$(mktemp -d)"
  # unzip exits 11 when a pattern matches nothing: a jar without migrations is fine.
  unzip -qq -o "$jar" 'db/migration/*.sql' 'BOOT-INF/classes/db/migration/*.sql' 'BOOT-INF/lib/*.jar' -d "$work" 2>/dev/null || true
  find "$work" -path '*db/migration/*.sql' -exec cp -t "$dir" {} +
  for nested in "$work"/BOOT-INF/lib/*.jar; do
    [[ -e "$nested" ]] || continue
    unzip -qq -o -j "$nested" 'db/migration/*.sql' -d "$dir" 2>/dev/null || true
  done
  rm -rf "$work"
}

has_marker() {
  head -n 5 "$1" | grep -qF -- "$MARKER"
}

# Blanks comments, literals and dollar-quoted bodies, then prints `RULE: statement` per finding.
findings_in() {
  perl -0777 -ne '
    s{(/\*.*?\*/|--[^\n]*|\$([A-Za-z_]*)\$.*?\$\2\$|'"'"'(?:[^'"'"']|'"'"''"'"')*'"'"')}{ }gs;
    my @rules = (
      ["DROP", qr/\bDROP\b/i], ["RENAME", qr/\bRENAME\b/i], ["TRUNCATE", qr/\bTRUNCATE\b/i],
      ["DELETE", qr/\bDELETE\s+FROM\b/i],
      ["column type change", qr/\bALTER\s+(?:COLUMN\s+)?\S+\s+(?:SET\s+DATA\s+)?TYPE\b/i],
      ["SET NOT NULL", qr/\bSET\s+NOT\s+NULL\b/i]);
    for my $statement (split /;/) {
      (my $text = $statement) =~ s/\s+/ /g;
      $text =~ s/^ | $//g;
      next if $text eq "";
      for my $rule (@rules) { print "$rule->[0]: $text\n" if $text =~ $rule->[1]; }
      next unless $text =~ /\bALTER\s+TABLE\b/i;
      # Top-level clauses of ALTER TABLE: commas inside parentheses do not split.
      my ($depth, $clause, @clauses) = (0, "");
      for my $c (split //, $text) {
        $depth++ if $c eq "("; $depth-- if $c eq ")";
        if ($c eq "," && $depth == 0) { push @clauses, $clause; $clause = ""; } else { $clause .= $c; }
      }
      push @clauses, $clause;
      for my $part (@clauses) {
        if ($part =~ /\bADD\s+(?!(?:CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN|EXCLUDE)\b)/i
            && $part =~ /\bNOT\s+NULL\b/i && $part !~ /\bDEFAULT\b/i) {
          print "NOT NULL column without default: $text\n";
        }
      }
    }' "$1"
}

main() {
  [[ $# -ge 1 && $# -le 2 && -f "$1" ]] || usage
  [[ $# -eq 1 || -f "$2" ]] || usage
  local file name found=0
  WORK="$(mktemp -d)"
  trap 'rm -rf "$WORK"' EXIT
  local work=$WORK
  mkdir "$work/new" "$work/previous"
  extract_migrations "$1" "$work/new"
  if [[ $# -eq 2 ]]; then extract_migrations "$2" "$work/previous"; fi
  for file in "$work"/new/*.sql; do
    [[ -e "$file" ]] || continue
    name="$(basename "$file")"
    [[ -e "$work/previous/$name" ]] && continue
    if has_marker "$file"; then
      echo "$name: destructive statements allowed by its marker"
      continue
    fi
    while IFS= read -r finding; do
      echo "$name: $finding"
      found=1
    done < <(findings_in "$file")
  done
  return "$found"
}

main "$@"
