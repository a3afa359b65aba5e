"""Drift on purpose: change what the state records, as a change made by hand in the console would.

With a real provider, ``terraform plan`` refreshes each resource from the cloud and sees the
difference; ``terraform_data`` has no cloud behind it, so the change is written into the state
(``state pull`` → edit → ``state push``) and the next plan proposes to put the configuration back.
"""

from __future__ import annotations

import copy
from typing import Any

from mlops_course.lessons.m13_terraform.runner import Terraform


def edit_recorded_input(tf: Terraform, address: str, key: str, value: Any) -> Any:
    """Set ``input[key]`` of the ``terraform_data`` at ``address`` in the state; return the old one.

    Raises:
        KeyError: no ``terraform_data`` at ``address`` in the current workspace, or no ``key``.
    """
    state = copy.deepcopy(tf.state_pull())
    for resource in state.get("resources", []):
        prefix = f"{resource['module']}." if resource.get("module") else ""
        base = f"{prefix}{resource['type']}.{resource['name']}"
        for instance in resource.get("instances", []):
            index = instance.get("index_key")
            full = (
                base
                if index is None
                else f'{base}["{index}"]'
                if isinstance(index, str)
                else f"{base}[{index}]"
            )
            if full != address:
                continue
            attributes = instance["attributes"]
            recorded = attributes["input"]["value"]
            if key not in recorded:
                raise KeyError(f"{address} no registra la entrada {key!r}.")
            old = recorded[key]
            recorded[key] = value
            if attributes.get("output") and isinstance(attributes["output"].get("value"), dict):
                attributes["output"]["value"][key] = value
            state["serial"] = int(state.get("serial", 0)) + 1
            tf.state_push(state)
            return old
    raise KeyError(f"No hay ningún terraform_data {address} en el estado.")
