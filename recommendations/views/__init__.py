"""The pages of audits and recommendations: ``audits`` (lists, details, edits), ``review``
(status as at a date, comparison, verification), ``exchange`` (exports and the import) and
``overview`` (the pages that gather everything: the dashboard, my actions, recent changes)."""
