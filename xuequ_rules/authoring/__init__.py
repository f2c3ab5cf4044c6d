"""The authoring kit: from a raw web capture to a policy package ready for review.

:mod:`.capture` proposes the layout (the notice before the plan, page chrome and duplicated
blocks to remove), :mod:`.metadata` the document's metadata (titles, 文号 with repairs,
issuers, dates, basis documents) and the capture defects to record as errata,
:mod:`.proposals` the parameters and duties of ``rules.py``, and :mod:`.scaffold` writes
the installable package. Every proposal is marked for review.
"""
