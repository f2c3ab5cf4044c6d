"""SQL over whole tables: :mod:`.algebra` (sqlglot expressions), :mod:`.statements` (a
collection's rules as one SELECT), :mod:`.on_duckdb` (running it), :mod:`.groups` (grouped
rules); on Spark: :mod:`.spark_session` (one session per process), :mod:`.on_spark` (running
the SQL), :mod:`.spark_submit` (a ``spark-submit`` application). The public names of the
first four are those of :mod:`xuequ_rules.engines.sql_backend`."""
