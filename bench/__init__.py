"""``make bench``: the figures the issues ask for, beside their baselines, in one run."""
