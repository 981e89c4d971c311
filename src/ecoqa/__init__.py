"""ecoqa: explore a structured Q&A corpus in the terminal, in Dutch or English."""
