"""The batch window: dialog, request form, row preview, run list, controller, watch folder
and export dialog. Not here: planning and running a batch (gui/core/batch)."""
