"""Reading a plan: bytes -> data with positions (`yaml_document`) -> shape findings."""
