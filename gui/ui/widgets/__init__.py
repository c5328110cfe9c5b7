"""Reusable widgets that know no job or tab: form helpers, the model picker and table, image
loading, heat map, save dialog, drop area. Not here: widgets of one feature (they live with
it in jobs, preview, tabs, batch or window)."""
