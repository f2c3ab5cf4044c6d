"""The policy packages shipped with xuequ-rules, one per document family."""
