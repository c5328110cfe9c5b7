"""The main window and what hangs off it: menus, queue controls and settings, the profiles
dialog and the job tools. Not here: the job table (jobs), tabs (tabs), result views (preview)."""
