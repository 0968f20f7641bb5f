"""kefu's messages in the user's language when a call carries no context.

``env._()`` (Odoo 18) takes the language from the context only. A JSON-RPC
``call_kw`` without a ``context`` kwarg, or an XML-RPC ``execute_kw``, runs with an
empty context, so kefu's messages came back in English while Odoo's own ``_()``,
which falls back to the user's language, came back in Chinese.

The one place where the language of ``env._()`` is decided is
``odoo.api.Environment._``; this module replaces it with the same function that,
for texts of kefu's own addons (the caller's module starts with ``kefu_``) and
only when the context of an HTTP request names no language, uses the user's
language as Odoo's ``_()`` does (``res.users.context_get``, cached per user).
Every other caller gets exactly Odoo's behaviour (host first).
"""

import logging

from odoo import api
from odoo.http import request
from odoo.tools.translate import get_translated_module
from odoo.tools.translate import get_translation

_logger = logging.getLogger(__name__)

_odoo_env_translate = api.Environment._


def kefu_lang(env):
    """The language of kefu's texts in ``env``: the context's, else, in an HTTP
    request (an RPC call without a context), the user's.

    Outside requests (scheduled actions, module install, tests calling the ORM)
    the context alone decides, as before: texts a cron writes into chatter are not
    this fix's business."""
    if env.lang:
        return env.lang
    if env.uid and request:
        return env["res.users"].context_get().get("lang") or None
    return None


def kefu_lang_env(env):
    """``env`` with kefu's language in its context (for field labels in messages)."""
    lang = kefu_lang(env)
    if lang and lang != env.lang:
        return env(context=dict(env.context, lang=lang))
    return env


def _kefu_env_translate(self, source, *args, **kwargs):
    if not isinstance(source, str):
        # Lazy texts carry their module: Odoo's code needs no caller frame.
        return _odoo_env_translate(self, source, *args, **kwargs)
    assert not (args and kwargs), "Use args or kwargs, not both"
    args = args or kwargs
    lang = self.lang
    if lang == "en_US":
        return get_translation("base", "en_US", source, args)
    # 2: this function's caller, as in Odoo's own Environment._
    module = get_translated_module(2)
    if not lang and module.startswith("kefu_"):
        lang = kefu_lang(self)
    if not lang or lang == "en_US":
        return get_translation("base", "en_US", source, args)
    try:
        return get_translation(module, lang, source, args)
    except Exception:  # noqa: BLE001 - same fallback as Odoo's Environment._
        _logger.debug('translation went wrong for "%r", skipped', source, exc_info=True)
    return source


api.Environment._ = _kefu_env_translate
