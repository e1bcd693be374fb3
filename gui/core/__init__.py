"""What every area of the GUI shares: the context, the job runner, the workspace model."""
