"""Answers as columns (issue 18): output fields an analyst defines (or a JSON Schema file),
the `response_format` that asks a model for them, the `json_object` fallback for servers
that refuse `json_schema`, and the check of every answer against the schema with the
message that asks the model to repair it. Qt-free; batches, the Chat tab and the CLI use it.

Not here: sending (the scheduler), the batch's rows and exports (gui/core/batch)."""
