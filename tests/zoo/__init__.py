"""The layout zoo: the sample documents rendered in many layouts, each checked against the sample's rows."""
