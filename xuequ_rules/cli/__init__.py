"""The ``xuequ`` command line."""
