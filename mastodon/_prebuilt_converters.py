"""The entity converters of ``mastodon.return_types``, compiled ahead (see ``tools/gen_converters.py``).

Generated file: do not edit. ``types_base._compile_converter`` takes a factory from ``FACTORIES`` when
the source it generates for a class has the checksum the factory is filed under.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _make_Account(*, C1: Any, C11: Any, C2: Any, C3: Any, C6: Any, C7: Any, C8: Any, C8_1: Any, C9: Any, L1: Any, L2: Any, L6: Any, L7_0: Any, L7_1: Any, L8_0: Any, L8_1: Any, _ERRORS: Any, _Id: Any, _UTC: Any, _iso: Any, _odd: Any, _slow: Any, _str_new: Any, cls: Any, dict: Any, isinstance: Any, list: Any) -> Callable[[Any], Any]:
    def convert(data: Any) -> Any:
        if data.__class__ is not dict and not isinstance(data, dict):
            return _odd(data)
        e0 = cls(data)
        g0 = data.get
        v0 = g0('id')
        if v0 is not None:
            try:
                e0['id'] = _str_new(_Id, v0) if v0.__class__ is str or v0.__class__ is int else _odd(v0)
            except _ERRORS:
                pass
        v0 = g0('fields')
        if v0 is not None:
            try:
                if v0.__class__ is not list:
                    e0['fields'] = _odd(v0)
                elif not v0:
                    e0['fields'] = L1()
                elif len(v0) == 1 and v0[0].__class__ is dict:
                    e0['fields'] = L1((C1(v0[0]),))
                else:
                    e0['fields'] = L1([C1(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v0])
            except _ERRORS:
                pass
        v0 = g0('emojis')
        if v0 is not None:
            try:
                if v0.__class__ is not list:
                    e0['emojis'] = _odd(v0)
                elif not v0:
                    e0['emojis'] = L2()
                elif len(v0) == 1 and v0[0].__class__ is dict:
                    e0['emojis'] = L2((C2(v0[0]),))
                else:
                    e0['emojis'] = L2([C2(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v0])
            except _ERRORS:
                pass
        v0 = g0('moved')
        if v0 is not None:
            try:
                e0['moved'] = C3._fast(v0)
            except _ERRORS:
                pass
        v0 = g0('created_at')
        if v0 is not None:
            try:
                d = _iso(v0)
            except _ERRORS:
                d = _slow(v0)
            else:
                if d.tzinfo is not _UTC and (d.tzinfo is not None or v0.isdigit()):
                    d = _slow(v0)
            e0['created_at'] = d
        v0 = g0('last_status_at')
        if v0 is not None:
            try:
                d = _iso(v0)
            except _ERRORS:
                d = _slow(v0)
            else:
                if d.tzinfo is not _UTC and (d.tzinfo is not None or v0.isdigit()):
                    d = _slow(v0)
            e0['last_status_at'] = d
        v0 = g0('roles')
        if v0 is not None:
            try:
                if v0.__class__ is not list:
                    e0['roles'] = _odd(v0)
                elif not v0:
                    e0['roles'] = L6()
                elif len(v0) == 1:
                    e0['roles'] = L6((C6._fast(v0[0]),))
                else:
                    e0['roles'] = L6(map(C6._fast, v0))
            except _ERRORS:
                pass
        v0 = g0('feature_approval')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C7(v0)
                g1 = v0.get
                v1 = g1('automatic')
                if v1 is not None:
                    try:
                        e1['automatic'] = L7_0(v1) if v1.__class__ is list else v1
                    except _ERRORS:
                        pass
                v1 = g1('manual')
                if v1 is not None:
                    try:
                        e1['manual'] = L7_1(v1) if v1.__class__ is list else v1
                    except _ERRORS:
                        pass
                e0['feature_approval'] = e1
            else:
                try:
                    e0['feature_approval'] = C7._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('source')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C8(v0)
                g1 = v0.get
                v1 = g1('attribution_domains')
                if v1 is not None:
                    try:
                        e1['attribution_domains'] = L8_0(v1) if v1.__class__ is list else v1
                    except _ERRORS:
                        pass
                v1 = g1('fields')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['fields'] = _odd(v1)
                        elif not v1:
                            e1['fields'] = L8_1()
                        elif len(v1) == 1 and v1[0].__class__ is dict:
                            e1['fields'] = L8_1((C8_1(v1[0]),))
                        else:
                            e1['fields'] = L8_1([C8_1(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v1])
                    except _ERRORS:
                        pass
                e0['source'] = e1
            else:
                try:
                    e0['source'] = C8._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('role')
        if v0 is not None:
            try:
                e0['role'] = C9(v0) if v0.__class__ is dict or isinstance(v0, dict) else _odd(v0)
            except _ERRORS:
                pass
        v0 = g0('mute_expires_at')
        if v0 is not None:
            try:
                d = _iso(v0)
            except _ERRORS:
                d = _slow(v0)
            else:
                if d.tzinfo is not _UTC and (d.tzinfo is not None or v0.isdigit()):
                    d = _slow(v0)
            e0['mute_expires_at'] = d
        v0 = g0('state')
        if v0 is not None:
            try:
                e0['state'] = C11(v0) if v0.__class__ is dict or isinstance(v0, dict) else _odd(v0)
            except _ERRORS:
                pass
        return e0

    return convert

def _make_Conversation(*, C0: Any, C1: Any, C1_10: Any, C1_11: Any, C1_12: Any, C1_14: Any, C1_15: Any, C1_16: Any, C1_17: Any, C1_2: Any, C1_3: Any, C1_4: Any, C1_5: Any, C1_6: Any, C1_7: Any, L0: Any, L1_16: Any, L1_17: Any, L1_3: Any, L1_5: Any, L1_6: Any, L1_7: Any, _ERRORS: Any, _Id: Any, _UTC: Any, _iso: Any, _odd: Any, _slow: Any, _str_new: Any, cls: Any, dict: Any, isinstance: Any, list: Any) -> Callable[[Any], Any]:
    def convert(data: Any) -> Any:
        if data.__class__ is not dict and not isinstance(data, dict):
            return _odd(data)
        e0 = cls(data)
        g0 = data.get
        v0 = g0('accounts')
        if v0 is not None:
            try:
                if v0.__class__ is not list:
                    e0['accounts'] = _odd(v0)
                elif not v0:
                    e0['accounts'] = L0()
                elif len(v0) == 1:
                    e0['accounts'] = L0((C0._fast(v0[0]),))
                else:
                    e0['accounts'] = L0(map(C0._fast, v0))
            except _ERRORS:
                pass
        v0 = g0('last_status')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C1(v0)
                g1 = v0.get
                v1 = g1('id')
                if v1 is not None:
                    try:
                        e1['id'] = _str_new(_Id, v1) if v1.__class__ is str or v1.__class__ is int else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('created_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['created_at'] = d
                v1 = g1('account')
                if v1 is not None:
                    try:
                        e1['account'] = C1_2._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('media_attachments')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['media_attachments'] = _odd(v1)
                        elif not v1:
                            e1['media_attachments'] = L1_3()
                        elif len(v1) == 1:
                            e1['media_attachments'] = L1_3((C1_3._fast(v1[0]),))
                        else:
                            e1['media_attachments'] = L1_3(map(C1_3._fast, v1))
                    except _ERRORS:
                        pass
                v1 = g1('application')
                if v1 is not None:
                    try:
                        e1['application'] = C1_4._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('mentions')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['mentions'] = _odd(v1)
                        elif not v1:
                            e1['mentions'] = L1_5()
                        elif len(v1) == 1 and v1[0].__class__ is dict:
                            e1['mentions'] = L1_5((C1_5(v1[0]),))
                        else:
                            e1['mentions'] = L1_5([C1_5(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v1])
                    except _ERRORS:
                        pass
                v1 = g1('tags')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['tags'] = _odd(v1)
                        elif not v1:
                            e1['tags'] = L1_6()
                        elif len(v1) == 1:
                            e1['tags'] = L1_6((C1_6._fast(v1[0]),))
                        else:
                            e1['tags'] = L1_6(map(C1_6._fast, v1))
                    except _ERRORS:
                        pass
                v1 = g1('emojis')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['emojis'] = _odd(v1)
                        elif not v1:
                            e1['emojis'] = L1_7()
                        elif len(v1) == 1 and v1[0].__class__ is dict:
                            e1['emojis'] = L1_7((C1_7(v1[0]),))
                        else:
                            e1['emojis'] = L1_7([C1_7(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v1])
                    except _ERRORS:
                        pass
                v1 = g1('in_reply_to_id')
                if v1 is not None:
                    try:
                        e1['in_reply_to_id'] = _str_new(_Id, v1) if v1.__class__ is str or v1.__class__ is int else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('in_reply_to_account_id')
                if v1 is not None:
                    try:
                        e1['in_reply_to_account_id'] = _str_new(_Id, v1) if v1.__class__ is str or v1.__class__ is int else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('reblog')
                if v1 is not None:
                    try:
                        e1['reblog'] = C1_10._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('poll')
                if v1 is not None:
                    try:
                        e1['poll'] = C1_11._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('card')
                if v1 is not None:
                    try:
                        e1['card'] = C1_12._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('edited_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['edited_at'] = d
                v1 = g1('quote')
                if v1 is not None:
                    try:
                        e1['quote'] = C1_14._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('quote_approval')
                if v1 is not None:
                    try:
                        e1['quote_approval'] = C1_15._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('filtered')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['filtered'] = _odd(v1)
                        elif not v1:
                            e1['filtered'] = L1_16()
                        elif len(v1) == 1:
                            e1['filtered'] = L1_16((C1_16._fast(v1[0]),))
                        else:
                            e1['filtered'] = L1_16(map(C1_16._fast, v1))
                    except _ERRORS:
                        pass
                v1 = g1('tagged_collections')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['tagged_collections'] = _odd(v1)
                        elif not v1:
                            e1['tagged_collections'] = L1_17()
                        elif len(v1) == 1:
                            e1['tagged_collections'] = L1_17((C1_17._fast(v1[0]),))
                        else:
                            e1['tagged_collections'] = L1_17(map(C1_17._fast, v1))
                    except _ERRORS:
                        pass
                e0['last_status'] = e1
            else:
                try:
                    e0['last_status'] = C1._fast(v0)
                except _ERRORS:
                    pass
        return e0

    return convert

def _make_MediaAttachment(*, C1: Any, C1_0: Any, C1_1: Any, C1_2: Any, C1_3: Any, _ERRORS: Any, _Id: Any, _UTC: Any, _iso: Any, _odd: Any, _slow: Any, _str_new: Any, cls: Any, dict: Any, isinstance: Any, list: Any) -> Callable[[Any], Any]:
    def convert(data: Any) -> Any:
        if data.__class__ is not dict and not isinstance(data, dict):
            return _odd(data)
        e0 = cls(data)
        g0 = data.get
        v0 = g0('id')
        if v0 is not None:
            try:
                e0['id'] = _str_new(_Id, v0) if v0.__class__ is str or v0.__class__ is int else _odd(v0)
            except _ERRORS:
                pass
        v0 = g0('meta')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C1(v0)
                g1 = v0.get
                v1 = g1('focus')
                if v1 is not None:
                    try:
                        e1['focus'] = C1_0(v1) if v1.__class__ is dict or isinstance(v1, dict) else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('original')
                if v1 is not None:
                    try:
                        e1['original'] = C1_1(v1) if v1.__class__ is dict or isinstance(v1, dict) else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('small')
                if v1 is not None:
                    try:
                        e1['small'] = C1_2(v1) if v1.__class__ is dict or isinstance(v1, dict) else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('colors')
                if v1 is not None:
                    try:
                        e1['colors'] = C1_3(v1) if v1.__class__ is dict or isinstance(v1, dict) else _odd(v1)
                    except _ERRORS:
                        pass
                e0['meta'] = e1
            else:
                try:
                    e0['meta'] = C1._fast(v0)
                except _ERRORS:
                    pass
        return e0

    return convert

def _make_Notification(*, C1: Any, C1_1: Any, C1_11: Any, C1_2: Any, C1_3: Any, C1_6: Any, C1_7: Any, C1_8: Any, C1_9: Any, C2: Any, C2_10: Any, C2_11: Any, C2_12: Any, C2_14: Any, C2_15: Any, C2_16: Any, C2_17: Any, C2_2: Any, C2_3: Any, C2_4: Any, C2_5: Any, C2_6: Any, C2_7: Any, C3: Any, C3_5: Any, C4: Any, C5: Any, C5_1: Any, C5_2: Any, C6: Any, C7: Any, C7_2: Any, C7_5: Any, C7_6: Any, F3_3: Any, F3_4: Any, L1_1: Any, L1_2: Any, L1_6: Any, L2_16: Any, L2_17: Any, L2_3: Any, L2_5: Any, L2_6: Any, L2_7: Any, L3_2: Any, L5_0: Any, L7_5: Any, L7_6: Any, _ERRORS: Any, _Id: Any, _UTC: Any, _iso: Any, _odd: Any, _slow: Any, _str_new: Any, cls: Any, dict: Any, isinstance: Any, list: Any) -> Callable[[Any], Any]:
    def convert(data: Any) -> Any:
        if data.__class__ is not dict and not isinstance(data, dict):
            return _odd(data)
        e0 = cls(data)
        g0 = data.get
        v0 = g0('created_at')
        if v0 is not None:
            try:
                d = _iso(v0)
            except _ERRORS:
                d = _slow(v0)
            else:
                if d.tzinfo is not _UTC and (d.tzinfo is not None or v0.isdigit()):
                    d = _slow(v0)
            e0['created_at'] = d
        v0 = g0('account')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C1(v0)
                g1 = v0.get
                v1 = g1('id')
                if v1 is not None:
                    try:
                        e1['id'] = _str_new(_Id, v1) if v1.__class__ is str or v1.__class__ is int else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('fields')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['fields'] = _odd(v1)
                        elif not v1:
                            e1['fields'] = L1_1()
                        elif len(v1) == 1 and v1[0].__class__ is dict:
                            e1['fields'] = L1_1((C1_1(v1[0]),))
                        else:
                            e1['fields'] = L1_1([C1_1(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v1])
                    except _ERRORS:
                        pass
                v1 = g1('emojis')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['emojis'] = _odd(v1)
                        elif not v1:
                            e1['emojis'] = L1_2()
                        elif len(v1) == 1 and v1[0].__class__ is dict:
                            e1['emojis'] = L1_2((C1_2(v1[0]),))
                        else:
                            e1['emojis'] = L1_2([C1_2(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v1])
                    except _ERRORS:
                        pass
                v1 = g1('moved')
                if v1 is not None:
                    try:
                        e1['moved'] = C1_3._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('created_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['created_at'] = d
                v1 = g1('last_status_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['last_status_at'] = d
                v1 = g1('roles')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['roles'] = _odd(v1)
                        elif not v1:
                            e1['roles'] = L1_6()
                        elif len(v1) == 1:
                            e1['roles'] = L1_6((C1_6._fast(v1[0]),))
                        else:
                            e1['roles'] = L1_6(map(C1_6._fast, v1))
                    except _ERRORS:
                        pass
                v1 = g1('feature_approval')
                if v1 is not None:
                    try:
                        e1['feature_approval'] = C1_7._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('source')
                if v1 is not None:
                    try:
                        e1['source'] = C1_8._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('role')
                if v1 is not None:
                    try:
                        e1['role'] = C1_9(v1) if v1.__class__ is dict or isinstance(v1, dict) else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('mute_expires_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['mute_expires_at'] = d
                v1 = g1('state')
                if v1 is not None:
                    try:
                        e1['state'] = C1_11(v1) if v1.__class__ is dict or isinstance(v1, dict) else _odd(v1)
                    except _ERRORS:
                        pass
                e0['account'] = e1
            else:
                try:
                    e0['account'] = C1._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('status')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C2(v0)
                g1 = v0.get
                v1 = g1('id')
                if v1 is not None:
                    try:
                        e1['id'] = _str_new(_Id, v1) if v1.__class__ is str or v1.__class__ is int else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('created_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['created_at'] = d
                v1 = g1('account')
                if v1 is not None:
                    try:
                        e1['account'] = C2_2._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('media_attachments')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['media_attachments'] = _odd(v1)
                        elif not v1:
                            e1['media_attachments'] = L2_3()
                        elif len(v1) == 1:
                            e1['media_attachments'] = L2_3((C2_3._fast(v1[0]),))
                        else:
                            e1['media_attachments'] = L2_3(map(C2_3._fast, v1))
                    except _ERRORS:
                        pass
                v1 = g1('application')
                if v1 is not None:
                    try:
                        e1['application'] = C2_4._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('mentions')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['mentions'] = _odd(v1)
                        elif not v1:
                            e1['mentions'] = L2_5()
                        elif len(v1) == 1 and v1[0].__class__ is dict:
                            e1['mentions'] = L2_5((C2_5(v1[0]),))
                        else:
                            e1['mentions'] = L2_5([C2_5(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v1])
                    except _ERRORS:
                        pass
                v1 = g1('tags')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['tags'] = _odd(v1)
                        elif not v1:
                            e1['tags'] = L2_6()
                        elif len(v1) == 1:
                            e1['tags'] = L2_6((C2_6._fast(v1[0]),))
                        else:
                            e1['tags'] = L2_6(map(C2_6._fast, v1))
                    except _ERRORS:
                        pass
                v1 = g1('emojis')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['emojis'] = _odd(v1)
                        elif not v1:
                            e1['emojis'] = L2_7()
                        elif len(v1) == 1 and v1[0].__class__ is dict:
                            e1['emojis'] = L2_7((C2_7(v1[0]),))
                        else:
                            e1['emojis'] = L2_7([C2_7(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v1])
                    except _ERRORS:
                        pass
                v1 = g1('in_reply_to_id')
                if v1 is not None:
                    try:
                        e1['in_reply_to_id'] = _str_new(_Id, v1) if v1.__class__ is str or v1.__class__ is int else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('in_reply_to_account_id')
                if v1 is not None:
                    try:
                        e1['in_reply_to_account_id'] = _str_new(_Id, v1) if v1.__class__ is str or v1.__class__ is int else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('reblog')
                if v1 is not None:
                    try:
                        e1['reblog'] = C2_10._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('poll')
                if v1 is not None:
                    try:
                        e1['poll'] = C2_11._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('card')
                if v1 is not None:
                    try:
                        e1['card'] = C2_12._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('edited_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['edited_at'] = d
                v1 = g1('quote')
                if v1 is not None:
                    try:
                        e1['quote'] = C2_14._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('quote_approval')
                if v1 is not None:
                    try:
                        e1['quote_approval'] = C2_15._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('filtered')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['filtered'] = _odd(v1)
                        elif not v1:
                            e1['filtered'] = L2_16()
                        elif len(v1) == 1:
                            e1['filtered'] = L2_16((C2_16._fast(v1[0]),))
                        else:
                            e1['filtered'] = L2_16(map(C2_16._fast, v1))
                    except _ERRORS:
                        pass
                v1 = g1('tagged_collections')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['tagged_collections'] = _odd(v1)
                        elif not v1:
                            e1['tagged_collections'] = L2_17()
                        elif len(v1) == 1:
                            e1['tagged_collections'] = L2_17((C2_17._fast(v1[0]),))
                        else:
                            e1['tagged_collections'] = L2_17(map(C2_17._fast, v1))
                    except _ERRORS:
                        pass
                e0['status'] = e1
            else:
                try:
                    e0['status'] = C2._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('report')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C3(v0)
                g1 = v0.get
                v1 = g1('action_taken_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['action_taken_at'] = d
                v1 = g1('created_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['created_at'] = d
                v1 = g1('status_ids')
                if v1 is not None:
                    try:
                        e1['status_ids'] = L3_2(v1) if v1.__class__ is list else v1
                    except _ERRORS:
                        pass
                v1 = g1('collection_ids')
                if v1 is not None:
                    try:
                        e1['collection_ids'] = F3_3(v1)
                    except _ERRORS:
                        pass
                v1 = g1('rule_ids')
                if v1 is not None:
                    try:
                        e1['rule_ids'] = F3_4(v1)
                    except _ERRORS:
                        pass
                v1 = g1('target_account')
                if v1 is not None:
                    try:
                        e1['target_account'] = C3_5._fast(v1)
                    except _ERRORS:
                        pass
                e0['report'] = e1
            else:
                try:
                    e0['report'] = C3._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('event')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C4(v0)
                g1 = v0.get
                v1 = g1('created_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['created_at'] = d
                e0['event'] = e1
            else:
                try:
                    e0['event'] = C4._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('moderation_warning')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C5(v0)
                g1 = v0.get
                v1 = g1('status_ids')
                if v1 is not None:
                    try:
                        e1['status_ids'] = L5_0(v1) if v1.__class__ is list else v1
                    except _ERRORS:
                        pass
                v1 = g1('target_account')
                if v1 is not None:
                    try:
                        e1['target_account'] = C5_1._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('appeal')
                if v1 is not None:
                    try:
                        e1['appeal'] = C5_2(v1) if v1.__class__ is dict or isinstance(v1, dict) else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('created_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['created_at'] = d
                e0['moderation_warning'] = e1
            else:
                try:
                    e0['moderation_warning'] = C5._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('fallback')
        if v0 is not None:
            try:
                e0['fallback'] = C6(v0) if v0.__class__ is dict or isinstance(v0, dict) else _odd(v0)
            except _ERRORS:
                pass
        v0 = g0('collection')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C7(v0)
                g1 = v0.get
                v1 = g1('id')
                if v1 is not None:
                    try:
                        e1['id'] = _str_new(_Id, v1) if v1.__class__ is str or v1.__class__ is int else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('account_id')
                if v1 is not None:
                    try:
                        e1['account_id'] = _str_new(_Id, v1) if v1.__class__ is str or v1.__class__ is int else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('tag')
                if v1 is not None:
                    try:
                        e1['tag'] = C7_2(v1) if v1.__class__ is dict or isinstance(v1, dict) else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('created_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['created_at'] = d
                v1 = g1('updated_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['updated_at'] = d
                v1 = g1('items')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['collection_items'] = _odd(v1)
                        elif not v1:
                            e1['collection_items'] = L7_5()
                        elif len(v1) == 1:
                            e1['collection_items'] = L7_5((C7_5._fast(v1[0]),))
                        else:
                            e1['collection_items'] = L7_5(map(C7_5._fast, v1))
                    except _ERRORS:
                        pass
                v1 = g1('items')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['items'] = _odd(v1)
                        elif not v1:
                            e1['items'] = L7_6()
                        elif len(v1) == 1:
                            e1['items'] = L7_6((C7_6._fast(v1[0]),))
                        else:
                            e1['items'] = L7_6(map(C7_6._fast, v1))
                    except _ERRORS:
                        pass
                e0['collection'] = e1
            else:
                try:
                    e0['collection'] = C7._fast(v0)
                except _ERRORS:
                    pass
        return e0

    return convert

def _make_NotificationGroup(*, C2: Any, C2_5: Any, C3: Any, C4: Any, C4_1: Any, C4_2: Any, C5: Any, C6: Any, C6_2: Any, C6_5: Any, C6_6: Any, C7: Any, F2_3: Any, F2_4: Any, L1: Any, L2_2: Any, L4_0: Any, L6_5: Any, L6_6: Any, _ERRORS: Any, _Id: Any, _UTC: Any, _iso: Any, _odd: Any, _slow: Any, _str_new: Any, cls: Any, dict: Any, isinstance: Any, list: Any) -> Callable[[Any], Any]:
    def convert(data: Any) -> Any:
        if data.__class__ is not dict and not isinstance(data, dict):
            return _odd(data)
        e0 = cls(data)
        g0 = data.get
        v0 = g0('latest_page_notification_at')
        if v0 is not None:
            try:
                d = _iso(v0)
            except _ERRORS:
                d = _slow(v0)
            else:
                if d.tzinfo is not _UTC and (d.tzinfo is not None or v0.isdigit()):
                    d = _slow(v0)
            e0['latest_page_notification_at'] = d
        v0 = g0('sample_account_ids')
        if v0 is not None:
            try:
                e0['sample_account_ids'] = L1(v0) if v0.__class__ is list else v0
            except _ERRORS:
                pass
        v0 = g0('report')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C2(v0)
                g1 = v0.get
                v1 = g1('action_taken_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['action_taken_at'] = d
                v1 = g1('created_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['created_at'] = d
                v1 = g1('status_ids')
                if v1 is not None:
                    try:
                        e1['status_ids'] = L2_2(v1) if v1.__class__ is list else v1
                    except _ERRORS:
                        pass
                v1 = g1('collection_ids')
                if v1 is not None:
                    try:
                        e1['collection_ids'] = F2_3(v1)
                    except _ERRORS:
                        pass
                v1 = g1('rule_ids')
                if v1 is not None:
                    try:
                        e1['rule_ids'] = F2_4(v1)
                    except _ERRORS:
                        pass
                v1 = g1('target_account')
                if v1 is not None:
                    try:
                        e1['target_account'] = C2_5._fast(v1)
                    except _ERRORS:
                        pass
                e0['report'] = e1
            else:
                try:
                    e0['report'] = C2._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('event')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C3(v0)
                g1 = v0.get
                v1 = g1('created_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['created_at'] = d
                e0['event'] = e1
            else:
                try:
                    e0['event'] = C3._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('moderation_warning')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C4(v0)
                g1 = v0.get
                v1 = g1('status_ids')
                if v1 is not None:
                    try:
                        e1['status_ids'] = L4_0(v1) if v1.__class__ is list else v1
                    except _ERRORS:
                        pass
                v1 = g1('target_account')
                if v1 is not None:
                    try:
                        e1['target_account'] = C4_1._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('appeal')
                if v1 is not None:
                    try:
                        e1['appeal'] = C4_2(v1) if v1.__class__ is dict or isinstance(v1, dict) else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('created_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['created_at'] = d
                e0['moderation_warning'] = e1
            else:
                try:
                    e0['moderation_warning'] = C4._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('fallback')
        if v0 is not None:
            try:
                e0['fallback'] = C5(v0) if v0.__class__ is dict or isinstance(v0, dict) else _odd(v0)
            except _ERRORS:
                pass
        v0 = g0('collection')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C6(v0)
                g1 = v0.get
                v1 = g1('id')
                if v1 is not None:
                    try:
                        e1['id'] = _str_new(_Id, v1) if v1.__class__ is str or v1.__class__ is int else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('account_id')
                if v1 is not None:
                    try:
                        e1['account_id'] = _str_new(_Id, v1) if v1.__class__ is str or v1.__class__ is int else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('tag')
                if v1 is not None:
                    try:
                        e1['tag'] = C6_2(v1) if v1.__class__ is dict or isinstance(v1, dict) else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('created_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['created_at'] = d
                v1 = g1('updated_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['updated_at'] = d
                v1 = g1('items')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['collection_items'] = _odd(v1)
                        elif not v1:
                            e1['collection_items'] = L6_5()
                        elif len(v1) == 1:
                            e1['collection_items'] = L6_5((C6_5._fast(v1[0]),))
                        else:
                            e1['collection_items'] = L6_5(map(C6_5._fast, v1))
                    except _ERRORS:
                        pass
                v1 = g1('items')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['items'] = _odd(v1)
                        elif not v1:
                            e1['items'] = L6_6()
                        elif len(v1) == 1:
                            e1['items'] = L6_6((C6_6._fast(v1[0]),))
                        else:
                            e1['items'] = L6_6(map(C6_6._fast, v1))
                    except _ERRORS:
                        pass
                e0['collection'] = e1
            else:
                try:
                    e0['collection'] = C6._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('annual_report')
        if v0 is not None:
            try:
                e0['annual_report'] = C7(v0) if v0.__class__ is dict or isinstance(v0, dict) else _odd(v0)
            except _ERRORS:
                pass
        return e0

    return convert

def _make_Status(*, C10: Any, C11: Any, C11_1: Any, C11_2: Any, C12: Any, C12_0: Any, C12_2: Any, C14: Any, C14_0: Any, C15: Any, C16: Any, C17: Any, C2: Any, C2_1: Any, C2_11: Any, C2_2: Any, C2_3: Any, C2_6: Any, C2_7: Any, C2_8: Any, C2_9: Any, C3: Any, C4: Any, C5: Any, C6: Any, C7: Any, L11_1: Any, L11_2: Any, L11_3: Any, L12_0: Any, L12_2: Any, L15_0: Any, L15_1: Any, L16: Any, L17: Any, L2_1: Any, L2_2: Any, L2_6: Any, L3: Any, L4_0: Any, L4_1: Any, L5: Any, L6: Any, L7: Any, _ERRORS: Any, _Id: Any, _UTC: Any, _iso: Any, _odd: Any, _slow: Any, _str_new: Any, cls: Any, dict: Any, isinstance: Any, list: Any) -> Callable[[Any], Any]:
    def convert(data: Any) -> Any:
        if data.__class__ is not dict and not isinstance(data, dict):
            return _odd(data)
        e0 = cls(data)
        g0 = data.get
        v0 = g0('id')
        if v0 is not None:
            try:
                e0['id'] = _str_new(_Id, v0) if v0.__class__ is str or v0.__class__ is int else _odd(v0)
            except _ERRORS:
                pass
        v0 = g0('created_at')
        if v0 is not None:
            try:
                d = _iso(v0)
            except _ERRORS:
                d = _slow(v0)
            else:
                if d.tzinfo is not _UTC and (d.tzinfo is not None or v0.isdigit()):
                    d = _slow(v0)
            e0['created_at'] = d
        v0 = g0('account')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C2(v0)
                g1 = v0.get
                v1 = g1('id')
                if v1 is not None:
                    try:
                        e1['id'] = _str_new(_Id, v1) if v1.__class__ is str or v1.__class__ is int else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('fields')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['fields'] = _odd(v1)
                        elif not v1:
                            e1['fields'] = L2_1()
                        elif len(v1) == 1 and v1[0].__class__ is dict:
                            e1['fields'] = L2_1((C2_1(v1[0]),))
                        else:
                            e1['fields'] = L2_1([C2_1(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v1])
                    except _ERRORS:
                        pass
                v1 = g1('emojis')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['emojis'] = _odd(v1)
                        elif not v1:
                            e1['emojis'] = L2_2()
                        elif len(v1) == 1 and v1[0].__class__ is dict:
                            e1['emojis'] = L2_2((C2_2(v1[0]),))
                        else:
                            e1['emojis'] = L2_2([C2_2(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v1])
                    except _ERRORS:
                        pass
                v1 = g1('moved')
                if v1 is not None:
                    try:
                        e1['moved'] = C2_3._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('created_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['created_at'] = d
                v1 = g1('last_status_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['last_status_at'] = d
                v1 = g1('roles')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['roles'] = _odd(v1)
                        elif not v1:
                            e1['roles'] = L2_6()
                        elif len(v1) == 1:
                            e1['roles'] = L2_6((C2_6._fast(v1[0]),))
                        else:
                            e1['roles'] = L2_6(map(C2_6._fast, v1))
                    except _ERRORS:
                        pass
                v1 = g1('feature_approval')
                if v1 is not None:
                    try:
                        e1['feature_approval'] = C2_7._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('source')
                if v1 is not None:
                    try:
                        e1['source'] = C2_8._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('role')
                if v1 is not None:
                    try:
                        e1['role'] = C2_9(v1) if v1.__class__ is dict or isinstance(v1, dict) else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('mute_expires_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['mute_expires_at'] = d
                v1 = g1('state')
                if v1 is not None:
                    try:
                        e1['state'] = C2_11(v1) if v1.__class__ is dict or isinstance(v1, dict) else _odd(v1)
                    except _ERRORS:
                        pass
                e0['account'] = e1
            else:
                try:
                    e0['account'] = C2._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('media_attachments')
        if v0 is not None:
            try:
                if v0.__class__ is not list:
                    e0['media_attachments'] = _odd(v0)
                elif not v0:
                    e0['media_attachments'] = L3()
                elif len(v0) == 1:
                    e0['media_attachments'] = L3((C3._fast(v0[0]),))
                else:
                    e0['media_attachments'] = L3(map(C3._fast, v0))
            except _ERRORS:
                pass
        v0 = g0('application')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C4(v0)
                g1 = v0.get
                v1 = g1('scopes')
                if v1 is not None:
                    try:
                        e1['scopes'] = L4_0(v1) if v1.__class__ is list else v1
                    except _ERRORS:
                        pass
                v1 = g1('redirect_uris')
                if v1 is not None:
                    try:
                        e1['redirect_uris'] = L4_1(v1) if v1.__class__ is list else v1
                    except _ERRORS:
                        pass
                v1 = g1('client_id')
                if v1 is not None:
                    try:
                        e1['client_id'] = _str_new(_Id, v1) if v1.__class__ is str or v1.__class__ is int else _odd(v1)
                    except _ERRORS:
                        pass
                e0['application'] = e1
            else:
                try:
                    e0['application'] = C4._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('mentions')
        if v0 is not None:
            try:
                if v0.__class__ is not list:
                    e0['mentions'] = _odd(v0)
                elif not v0:
                    e0['mentions'] = L5()
                elif len(v0) == 1 and v0[0].__class__ is dict:
                    e0['mentions'] = L5((C5(v0[0]),))
                else:
                    e0['mentions'] = L5([C5(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v0])
            except _ERRORS:
                pass
        v0 = g0('tags')
        if v0 is not None:
            try:
                if v0.__class__ is not list:
                    e0['tags'] = _odd(v0)
                elif not v0:
                    e0['tags'] = L6()
                elif len(v0) == 1:
                    e0['tags'] = L6((C6._fast(v0[0]),))
                else:
                    e0['tags'] = L6(map(C6._fast, v0))
            except _ERRORS:
                pass
        v0 = g0('emojis')
        if v0 is not None:
            try:
                if v0.__class__ is not list:
                    e0['emojis'] = _odd(v0)
                elif not v0:
                    e0['emojis'] = L7()
                elif len(v0) == 1 and v0[0].__class__ is dict:
                    e0['emojis'] = L7((C7(v0[0]),))
                else:
                    e0['emojis'] = L7([C7(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v0])
            except _ERRORS:
                pass
        v0 = g0('in_reply_to_id')
        if v0 is not None:
            try:
                e0['in_reply_to_id'] = _str_new(_Id, v0) if v0.__class__ is str or v0.__class__ is int else _odd(v0)
            except _ERRORS:
                pass
        v0 = g0('in_reply_to_account_id')
        if v0 is not None:
            try:
                e0['in_reply_to_account_id'] = _str_new(_Id, v0) if v0.__class__ is str or v0.__class__ is int else _odd(v0)
            except _ERRORS:
                pass
        v0 = g0('reblog')
        if v0 is not None:
            try:
                e0['reblog'] = C10._fast(v0)
            except _ERRORS:
                pass
        v0 = g0('poll')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C11(v0)
                g1 = v0.get
                v1 = g1('expires_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['expires_at'] = d
                v1 = g1('options')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['options'] = _odd(v1)
                        elif not v1:
                            e1['options'] = L11_1()
                        elif len(v1) == 1 and v1[0].__class__ is dict:
                            e1['options'] = L11_1((C11_1(v1[0]),))
                        else:
                            e1['options'] = L11_1([C11_1(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v1])
                    except _ERRORS:
                        pass
                v1 = g1('emojis')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['emojis'] = _odd(v1)
                        elif not v1:
                            e1['emojis'] = L11_2()
                        elif len(v1) == 1 and v1[0].__class__ is dict:
                            e1['emojis'] = L11_2((C11_2(v1[0]),))
                        else:
                            e1['emojis'] = L11_2([C11_2(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v1])
                    except _ERRORS:
                        pass
                v1 = g1('own_votes')
                if v1 is not None:
                    try:
                        e1['own_votes'] = L11_3(v1) if v1.__class__ is list else v1
                    except _ERRORS:
                        pass
                e0['poll'] = e1
            else:
                try:
                    e0['poll'] = C11._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('card')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C12(v0)
                g1 = v0.get
                v1 = g1('authors')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['authors'] = _odd(v1)
                        elif not v1:
                            e1['authors'] = L12_0()
                        elif len(v1) == 1:
                            e1['authors'] = L12_0((C12_0._fast(v1[0]),))
                        else:
                            e1['authors'] = L12_0(map(C12_0._fast, v1))
                    except _ERRORS:
                        pass
                v1 = g1('published_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['published_at'] = d
                v1 = g1('history')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['history'] = _odd(v1)
                        elif not v1:
                            e1['history'] = L12_2()
                        elif len(v1) == 1:
                            e1['history'] = L12_2((C12_2._fast(v1[0]),))
                        else:
                            e1['history'] = L12_2(map(C12_2._fast, v1))
                    except _ERRORS:
                        pass
                e0['card'] = e1
            else:
                try:
                    e0['card'] = C12._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('edited_at')
        if v0 is not None:
            try:
                d = _iso(v0)
            except _ERRORS:
                d = _slow(v0)
            else:
                if d.tzinfo is not _UTC and (d.tzinfo is not None or v0.isdigit()):
                    d = _slow(v0)
            e0['edited_at'] = d
        v0 = g0('quote')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C14(v0)
                g1 = v0.get
                v1 = g1('quoted_status')
                if v1 is not None:
                    try:
                        e1['quoted_status'] = C14_0._fast(v1)
                    except _ERRORS:
                        pass
                e0['quote'] = e1
            else:
                try:
                    e0['quote'] = C14._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('quote_approval')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C15(v0)
                g1 = v0.get
                v1 = g1('automatic')
                if v1 is not None:
                    try:
                        e1['automatic'] = L15_0(v1) if v1.__class__ is list else v1
                    except _ERRORS:
                        pass
                v1 = g1('manual')
                if v1 is not None:
                    try:
                        e1['manual'] = L15_1(v1) if v1.__class__ is list else v1
                    except _ERRORS:
                        pass
                e0['quote_approval'] = e1
            else:
                try:
                    e0['quote_approval'] = C15._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('filtered')
        if v0 is not None:
            try:
                if v0.__class__ is not list:
                    e0['filtered'] = _odd(v0)
                elif not v0:
                    e0['filtered'] = L16()
                elif len(v0) == 1:
                    e0['filtered'] = L16((C16._fast(v0[0]),))
                else:
                    e0['filtered'] = L16(map(C16._fast, v0))
            except _ERRORS:
                pass
        v0 = g0('tagged_collections')
        if v0 is not None:
            try:
                if v0.__class__ is not list:
                    e0['tagged_collections'] = _odd(v0)
                elif not v0:
                    e0['tagged_collections'] = L17()
                elif len(v0) == 1:
                    e0['tagged_collections'] = L17((C17._fast(v0[0]),))
                else:
                    e0['tagged_collections'] = L17(map(C17._fast, v0))
            except _ERRORS:
                pass
        return e0

    return convert

def _make_StatusEdit(*, C1: Any, C1_1: Any, C1_11: Any, C1_2: Any, C1_3: Any, C1_6: Any, C1_7: Any, C1_8: Any, C1_9: Any, C2: Any, C2_0: Any, C3: Any, C4: Any, C5: Any, C5_0: Any, L1_1: Any, L1_2: Any, L1_6: Any, L2_0: Any, L3: Any, L4: Any, _ERRORS: Any, _Id: Any, _UTC: Any, _iso: Any, _odd: Any, _slow: Any, _str_new: Any, cls: Any, dict: Any, isinstance: Any, list: Any) -> Callable[[Any], Any]:
    def convert(data: Any) -> Any:
        if data.__class__ is not dict and not isinstance(data, dict):
            return _odd(data)
        e0 = cls(data)
        g0 = data.get
        v0 = g0('created_at')
        if v0 is not None:
            try:
                d = _iso(v0)
            except _ERRORS:
                d = _slow(v0)
            else:
                if d.tzinfo is not _UTC and (d.tzinfo is not None or v0.isdigit()):
                    d = _slow(v0)
            e0['created_at'] = d
        v0 = g0('account')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C1(v0)
                g1 = v0.get
                v1 = g1('id')
                if v1 is not None:
                    try:
                        e1['id'] = _str_new(_Id, v1) if v1.__class__ is str or v1.__class__ is int else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('fields')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['fields'] = _odd(v1)
                        elif not v1:
                            e1['fields'] = L1_1()
                        elif len(v1) == 1 and v1[0].__class__ is dict:
                            e1['fields'] = L1_1((C1_1(v1[0]),))
                        else:
                            e1['fields'] = L1_1([C1_1(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v1])
                    except _ERRORS:
                        pass
                v1 = g1('emojis')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['emojis'] = _odd(v1)
                        elif not v1:
                            e1['emojis'] = L1_2()
                        elif len(v1) == 1 and v1[0].__class__ is dict:
                            e1['emojis'] = L1_2((C1_2(v1[0]),))
                        else:
                            e1['emojis'] = L1_2([C1_2(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v1])
                    except _ERRORS:
                        pass
                v1 = g1('moved')
                if v1 is not None:
                    try:
                        e1['moved'] = C1_3._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('created_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['created_at'] = d
                v1 = g1('last_status_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['last_status_at'] = d
                v1 = g1('roles')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['roles'] = _odd(v1)
                        elif not v1:
                            e1['roles'] = L1_6()
                        elif len(v1) == 1:
                            e1['roles'] = L1_6((C1_6._fast(v1[0]),))
                        else:
                            e1['roles'] = L1_6(map(C1_6._fast, v1))
                    except _ERRORS:
                        pass
                v1 = g1('feature_approval')
                if v1 is not None:
                    try:
                        e1['feature_approval'] = C1_7._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('source')
                if v1 is not None:
                    try:
                        e1['source'] = C1_8._fast(v1)
                    except _ERRORS:
                        pass
                v1 = g1('role')
                if v1 is not None:
                    try:
                        e1['role'] = C1_9(v1) if v1.__class__ is dict or isinstance(v1, dict) else _odd(v1)
                    except _ERRORS:
                        pass
                v1 = g1('mute_expires_at')
                if v1 is not None:
                    try:
                        d = _iso(v1)
                    except _ERRORS:
                        d = _slow(v1)
                    else:
                        if d.tzinfo is not _UTC and (d.tzinfo is not None or v1.isdigit()):
                            d = _slow(v1)
                    e1['mute_expires_at'] = d
                v1 = g1('state')
                if v1 is not None:
                    try:
                        e1['state'] = C1_11(v1) if v1.__class__ is dict or isinstance(v1, dict) else _odd(v1)
                    except _ERRORS:
                        pass
                e0['account'] = e1
            else:
                try:
                    e0['account'] = C1._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('poll')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C2(v0)
                g1 = v0.get
                v1 = g1('options')
                if v1 is not None:
                    try:
                        if v1.__class__ is not list:
                            e1['options'] = _odd(v1)
                        elif not v1:
                            e1['options'] = L2_0()
                        elif len(v1) == 1 and v1[0].__class__ is dict:
                            e1['options'] = L2_0((C2_0(v1[0]),))
                        else:
                            e1['options'] = L2_0([C2_0(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v1])
                    except _ERRORS:
                        pass
                e0['poll'] = e1
            else:
                try:
                    e0['poll'] = C2._fast(v0)
                except _ERRORS:
                    pass
        v0 = g0('media_attachments')
        if v0 is not None:
            try:
                if v0.__class__ is not list:
                    e0['media_attachments'] = _odd(v0)
                elif not v0:
                    e0['media_attachments'] = L3()
                elif len(v0) == 1:
                    e0['media_attachments'] = L3((C3._fast(v0[0]),))
                else:
                    e0['media_attachments'] = L3(map(C3._fast, v0))
            except _ERRORS:
                pass
        v0 = g0('emojis')
        if v0 is not None:
            try:
                if v0.__class__ is not list:
                    e0['emojis'] = _odd(v0)
                elif not v0:
                    e0['emojis'] = L4()
                elif len(v0) == 1 and v0[0].__class__ is dict:
                    e0['emojis'] = L4((C4(v0[0]),))
                else:
                    e0['emojis'] = L4([C4(x) if x.__class__ is dict or isinstance(x, dict) else _odd(x) for x in v0])
            except _ERRORS:
                pass
        v0 = g0('quote')
        if v0 is not None:
            if v0.__class__ is dict:
                e1 = C5(v0)
                g1 = v0.get
                v1 = g1('quoted_status')
                if v1 is not None:
                    try:
                        e1['quoted_status'] = C5_0._fast(v1)
                    except _ERRORS:
                        pass
                e0['quote'] = e1
            else:
                try:
                    e0['quote'] = C5._fast(v0)
                except _ERRORS:
                    pass
        return e0

    return convert

def _make_Tag(*, C0: Any, L0: Any, _ERRORS: Any, _UTC: Any, _iso: Any, _odd: Any, _slow: Any, cls: Any, dict: Any, isinstance: Any, list: Any) -> Callable[[Any], Any]:
    def convert(data: Any) -> Any:
        if data.__class__ is not dict and not isinstance(data, dict):
            return _odd(data)
        e0 = cls(data)
        g0 = data.get
        v0 = g0('history')
        if v0 is not None:
            try:
                if v0.__class__ is not list:
                    e0['history'] = _odd(v0)
                elif not v0:
                    e0['history'] = L0()
                elif len(v0) == 1:
                    e0['history'] = L0((C0._fast(v0[0]),))
                else:
                    e0['history'] = L0(map(C0._fast, v0))
            except _ERRORS:
                pass
        return e0

    return convert

FACTORIES: dict[tuple[str, int, int], Callable[..., Callable[[Any], Any]]] = {
    ('Account', 2705176567, 4980): _make_Account,
    ('Conversation', 4231602715, 7110): _make_Conversation,
    ('MediaAttachment', 2570867894, 1611): _make_MediaAttachment,
    ('Notification', 3525686060, 18277): _make_Notification,
    ('NotificationGroup', 3185978820, 7763): _make_NotificationGroup,
    ('Status', 1117045444, 14620): _make_Status,
    ('StatusEdit', 316153413, 7155): _make_StatusEdit,
    ('Tag', 698050094, 563): _make_Tag,
}
