"""Input and output: reading notes (text, Markdown, Word), atomic writes, file
names, the batch run over a folder and the marker it leaves in its output."""
