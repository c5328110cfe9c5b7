"""One tab per kind of request (chat, completions, embeddings, image, image edit, audio,
models) on a shared base. A tab turns its form into a request; building and checking the
body is gui/core/builders' job."""
