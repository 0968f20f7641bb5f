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

import functools
import logging
import weakref

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
    the context alone decides: scheduled actions name their language through
    ``kefu_cron_lang`` and ``kefu_person_env`` below."""
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


# Language at run time -------------------------------------------------------
# Odoo 18 runs scheduled actions (and module install) with no language in the
# context: every ``env._()`` there gave English. Texts written for a person (an
# activity, a reminder) take that person's language; texts written on a shared
# record (a chatter note, a report title) take the company's language.


def _env_in_lang(env, lang):
    """``env`` in ``lang``. The derived environments are kept on the cursor (one
    thread), per environment and language: a job creates one per language,
    whatever the number of records (Environment() scans the transaction's
    environments on each creation)."""
    if not lang or env.context.get("lang") == lang:
        return env
    by_env = env.cr.cache.setdefault("kefu_lang_envs", weakref.WeakKeyDictionary())
    envs = by_env.setdefault(env, {})
    if lang not in envs:
        envs[lang] = env(context=dict(env.context, lang=lang))
    return envs[lang]


def _active_langs(env):
    return [code for code, _name in env["res.lang"].get_installed()]


def kefu_shared_lang(env, company=None):
    """The language of texts written on shared records: the company partner's,
    else the partners' default, else the database's only (or English when
    several are active and none is chosen)."""
    active = _active_langs(env)
    company = company or env.company
    for lang in (
        company.sudo().partner_id.lang,
        env["ir.default"].sudo()._get("res.partner", "lang"),
    ):
        if lang in active:
            return lang
    if len(active) == 1 or "en_US" not in active:
        return active[0] if active else "en_US"
    return "en_US"


def kefu_shared_env(env, company=None):
    """``env`` when its context names a language, else ``env`` in the shared
    language (scheduled actions, module install)."""
    if env.lang:
        return env
    return _env_in_lang(env, kefu_shared_lang(env, company))


def kefu_person_env(env, person):
    """``env`` in the language of ``person`` (a user or a partner), for a text
    written for that person (an activity, a reminder); the shared language when
    the person has none. Derived environments are reused per language, so a
    batch costs one environment per language, not one per record."""
    lang = person[:1].sudo().lang if person else False
    # English is always readable, as in Odoo's own ``env.lang``.
    if not lang or (lang != "en_US" and lang not in _active_langs(env)):
        return kefu_shared_env(env)
    return _env_in_lang(env, lang)


def kefu_cron_lang(method):
    """Decorator of a ``_cron_*`` method: run with the shared language in the
    context when the caller gave none (as ``ir.cron`` does), so that the texts
    it writes on shared records come out in the company's language."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        if not self.env.lang:
            self = self.with_env(kefu_shared_env(self.env))
        return method(self, *args, **kwargs)

    return wrapper


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
