from xuequ_rules.policy.dsl import Policy


def build(document):
    return Policy(name="ziyang", version=document.version, document=document, parameters=(),
                  rules=())
