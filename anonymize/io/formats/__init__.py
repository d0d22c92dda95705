"""File formats a note can come in: plain text, Markdown, Word.

Every format is reduced to one plain text that the pipeline anonymizes; a
format then knows how to put the anonymized text back (Markdown and text:
as is; Word: into its runs, `docx.DocxNote`) and which characters are syntax
(`markdown.protect`). The note model that carries them is
`anonymize.io.reader.Note`.
"""
