"""Policies: parameters and rules that cite clauses, as inspectable data."""
