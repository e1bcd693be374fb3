"""Keep and share: the workspace, workspace files, session and tensor export."""
