"""Issue 12, finding 7: taking a contract out of custody needs the General
Manager's signature (CON-7); the state, the return deadline and the people of a
retrieval change only through its actions."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.kefu_management.tests.common import KefuRpcMixin

from .common import KefuContractCase

GUARDED = "change only through the document's own actions"
# Over RPC the messages follow the user's language: ask for English to read them.
EN = {"lang": "en_US"}


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestRetrievalIntegrity(KefuContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls.make_in_custody()
        cls.Retrieval = cls.env["kefu.contract.retrieval"]

    def values(self, **vals):
        return dict(
            {
                "contract_id": self.contract.id,
                "purpose": "Customer audit",
                "date_return_due": fields.Datetime.now() + timedelta(days=2),
            },
            **vals,
        )

    def test_retrieval_created_out(self):
        """Finding 7: a retrieval created directly out of custody, or approved."""
        mine = self.Retrieval.with_user(self.salesman)
        for vals in (
            {"state": "out", "date_out": fields.Datetime.now()},
            {"state": "approved", "approved_by_id": self.general_manager.id},
            {"approved_by_id": self.general_manager.id},
            {"requested_by_id": self.salesman2.id},
        ):
            with self.assertRaisesText(AccessError, GUARDED):
                mine.create(self.values(**vals))
        self.contract.invalidate_recordset()
        self.assertFalse(self.contract.retrieval_ids)
        self.assertFalse(self.contract.is_out)
        self.assertFalse(self.contract.custody_log_ids.filtered(lambda log: log.action == "out"))

    def test_draft_retrieval_written_to_approved_or_out(self):
        retrieval = self.make_retrieval(self.contract, state="draft")
        retrieval.action_request()
        mine = retrieval.with_user(self.salesman)
        for vals in ({"state": "approved"}, {"state": "out"}):
            with self.assertRaisesText(AccessError, GUARDED):
                mine.write(vals)
        self.env.invalidate_all()
        self.assertEqual(retrieval.state, "draft")
        self.assertEqual(retrieval.validation_status, "pending")
        self.assertFalse(self.contract.is_out)

    def test_requester_extends_his_deadline_and_returns_it_himself(self):
        """Finding 7: the requester moves his return deadline and sets returned
        without a return date."""
        retrieval = self.make_retrieval(self.contract)
        due = retrieval.date_return_due
        mine = retrieval.with_user(self.salesman)
        with self.assertRaisesText(AccessError, GUARDED):
            mine.write({"date_return_due": due + timedelta(days=365)})
        with self.assertRaisesText(AccessError, GUARDED):
            mine.write({"state": "returned"})
        with self.assertRaisesText(AccessError, GUARDED):
            mine.write({"date_returned": fields.Datetime.now()})
        other = self.make_approved()
        with self.assertRaisesText(AccessError, GUARDED):
            mine.write({"contract_id": other.id})
        # Not even Customer Service writes it directly: the Return button does.
        with self.assertRaisesText(AccessError, GUARDED):
            retrieval.with_user(self.agent).write({"state": "returned"})
        self.env.invalidate_all()
        self.assertEqual(retrieval.state, "out")
        self.assertEqual(retrieval.date_return_due, due)
        self.assertFalse(retrieval.date_returned)
        self.assertEqual(retrieval.contract_id, self.contract)
        self.assertTrue(self.contract.is_out)
        retrieval.with_user(self.agent).action_return()
        self.assertEqual(retrieval.state, "returned")
        self.assertTrue(retrieval.date_returned)

    def test_approved_retrieval_is_not_repointed(self):
        """The General Manager approved this contract going out, not another one."""
        retrieval = self.make_retrieval(self.contract, state="approved")
        second = self.make_in_custody(title="Second contract")
        with self.assertRaisesText(AccessError, GUARDED):
            retrieval.with_user(self.salesman).write({"contract_id": second.id})
        with self.assertRaisesText(AccessError, GUARDED):
            retrieval.with_user(self.salesman).write({"requested_by_id": self.salesman2.id})
        self.env.invalidate_all()
        self.assertEqual(retrieval.contract_id, self.contract)
        self.assertEqual(retrieval.requested_by_id, self.salesman)
        self.assertFalse(second.is_out)


@tagged("post_install", "-at_install", "kefu", "kefu_contract")
class TestRetrievalIntegrityRpc(KefuRpcMixin, HttpCase, KefuContractCase):
    def test_rpc_retrieval_out_and_deadline(self):
        contract = self.make_in_custody()
        vals = {
            "contract_id": contract.id,
            "purpose": "Audit",
            "date_return_due": fields.Datetime.to_string(fields.Datetime.now() + timedelta(days=2)),
            "state": "out",
        }
        model = "kefu.contract.retrieval"
        self.assertRpcRefused("t_con_sales", model, "create", [vals], context=EN, message=GUARDED)
        self.env.invalidate_all()
        self.assertFalse(contract.retrieval_ids)
        retrieval = self.make_retrieval(contract)
        due = retrieval.date_return_due
        later = fields.Datetime.to_string(due + timedelta(days=90))
        self.assertRpcRefused(
            "t_con_sales",
            model,
            "write",
            retrieval.ids,
            {"date_return_due": later},
            context=EN,
            message=GUARDED,
        )
        self.assertRpcRefused(
            "t_con_sales",
            model,
            "write",
            retrieval.ids,
            {"state": "returned"},
            context=EN,
            message=GUARDED,
        )
        self.env.invalidate_all()
        self.assertEqual(retrieval.state, "out")
        self.assertEqual(retrieval.date_return_due, due)
        self.assertFalse(retrieval.date_returned)
