"""SVC-2: the settings view of the response limits names fields that this version
replaces (minutes -> hours, one time basis per limit). Drop the stored view so that
the base settings view validates before the new one is loaded from the module."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        DELETE FROM ir_ui_view
         WHERE id IN (SELECT res_id FROM ir_model_data
                       WHERE module = 'kefu_management'
                         AND model = 'ir.ui.view'
                         AND name = 'res_config_settings_view_form_svc')
        """
    )
    cr.execute(
        """
        DELETE FROM ir_model_data
         WHERE module = 'kefu_management'
           AND model = 'ir.ui.view'
           AND name = 'res_config_settings_view_form_svc'
        """
    )
