"""The web API (needs the ``api`` extra: ``pip install 'xuequ-rules[api]'``).

>>> from xuequ_rules.api import create_app
>>> app = create_app()            # an ASGI app; ``xuequ serve`` runs it with uvicorn
"""

from xuequ_rules.api.app import create_app, policy_rows
from xuequ_rules.api.errors import MAX_BODY_BYTES, ErrorResponse

__all__ = ["MAX_BODY_BYTES", "ErrorResponse", "create_app", "policy_rows"]
