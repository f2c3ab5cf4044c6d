"""SQL over whole tables: :mod:`.algebra` (sqlglot expressions), :mod:`.statements` (a
collection's rules as one SELECT), :mod:`.on_duckdb` (running it), :mod:`.groups` (grouped
rules). The public names are those of :mod:`xuequ_rules.engines.sql_backend`."""
