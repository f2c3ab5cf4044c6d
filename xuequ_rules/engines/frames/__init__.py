"""polars over whole tables: :mod:`.algebra` (the column algebra), :mod:`.tables` (dtypes,
reading and checking a table), :mod:`.evaluate` (per-record rules), :mod:`.groups` (grouped
rules). The public names are those of :mod:`xuequ_rules.engines.polars_backend`."""
