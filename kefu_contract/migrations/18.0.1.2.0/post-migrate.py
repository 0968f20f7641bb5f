# CON-9: the General Manager's tier read its amounts from constants; it now tests
# the contract's needs_general_manager field, whose amounts are settings. Only the
# shipped domain is replaced: a domain the company changed stays as it is.
OLD = (
    "['|', ('amount', '>=', 1000000), '&', ('customer_type', '=', 'new'), ('amount', '>=', 300000)]"
)
NEW = "[('needs_general_manager', '=', True)]"


def migrate(cr, version):
    cr.execute(
        """
        UPDATE tier_definition d SET definition_domain = %s
          FROM ir_model_data x
         WHERE x.module = 'kefu_contract'
           AND x.name = 'tier_definition_contract_general_manager'
           AND x.model = 'tier.definition' AND x.res_id = d.id
           AND d.definition_domain = %s
        """,
        (NEW, OLD),
    )
    # CON-3: reviews signed after their deadline before this version counted on
    # time unless the overdue job happened to run: count them late now.
    cr.execute(
        """
        UPDATE kefu_contract c SET review_overdue = TRUE, review_on_time_rate = 0.0
         WHERE c.review_overdue IS NOT TRUE
           AND EXISTS (
               SELECT 1 FROM tier_review r
                WHERE r.model = 'kefu.contract' AND r.res_id = c.id
                  AND r.reviewed_date > r.kefu_deadline
           )
        """
    )
