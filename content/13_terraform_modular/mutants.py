# %% mutant: reemplazo-doble | cell: plan-summary | breaks: R2
# Cuenta cada acción por separado: un reemplazo suma un create y un delete, nunca un replace.
def plan_summary(plan):
    if not isinstance(plan, dict):
        raise TypeError("plan_summary espera un dict.")
    changes = plan.get("resource_changes", [])
    if not isinstance(changes, list):
        raise ValueError("resource_changes debe ser una lista.")
    counts = dict.fromkeys(("create", "update", "delete", "replace", "no-op"), 0)
    for item in changes:
        if item.get("mode") == "data":
            continue
        for action in item["change"]["actions"]:
            if action not in counts:
                raise ValueError(f"Acción desconocida {action}.")
            counts[action] += 1
    return counts


# %% mutant: claves-presentes | cell: plan-summary | breaks: R1
# Devuelve solo las acciones que aparecen (un Counter): faltan las claves en cero.
from collections import Counter


def plan_summary(plan):
    if not isinstance(plan, dict):
        raise TypeError("plan_summary espera un dict.")
    changes = plan.get("resource_changes", [])
    if not isinstance(changes, list):
        raise ValueError("resource_changes debe ser una lista.")
    counts = Counter()
    for item in changes:
        if item.get("mode") == "data":
            continue
        actions = item["change"]["actions"]
        if sorted(actions) == ["create", "delete"]:
            counts["replace"] += 1
        elif len(actions) == 1 and actions[0] in ("create", "update", "delete", "no-op"):
            counts[actions[0]] += 1
        else:
            raise ValueError(f"Acción desconocida {actions}.")
    return dict(counts)


# %% mutant: cuenta-datos | cell: plan-summary | breaks: R3
# No distingue fuentes de datos: una lectura se cuenta como no-op y un dato con create, como create.
def plan_summary(plan):
    if not isinstance(plan, dict):
        raise TypeError("plan_summary espera un dict.")
    changes = plan.get("resource_changes", [])
    if not isinstance(changes, list):
        raise ValueError("resource_changes debe ser una lista.")
    counts = dict.fromkeys(("create", "update", "delete", "replace", "no-op"), 0)
    for item in changes:
        actions = item["change"]["actions"]
        if sorted(actions) == ["create", "delete"]:
            counts["replace"] += 1
        elif actions == ["read"]:
            counts["no-op"] += 1
        elif len(actions) == 1 and actions[0] in counts:
            counts[actions[0]] += 1
        else:
            raise ValueError(f"Acción desconocida {actions}.")
    return counts


# %% mutant: sin-errores | cell: plan-summary | breaks: R4
# No valida la entrada: acciones desconocidas se ignoran y un texto falla con AttributeError.
def plan_summary(plan):
    counts = dict.fromkeys(("create", "update", "delete", "replace", "no-op"), 0)
    for item in plan.get("resource_changes", []):
        if item.get("mode") == "data":
            continue
        actions = item["change"]["actions"]
        if sorted(actions) == ["create", "delete"]:
            counts["replace"] += 1
        elif len(actions) == 1 and actions[0] in counts:
            counts[actions[0]] += 1
    return counts


# %% mutant: nombre-sin-anclas | cell: bucket-variables | breaks: R2
# La regex no lleva ^ ni $: cualquier nombre que CONTENGA tres caracteres válidos pasa.
BUCKET_VARIABLES = """\
variable "name" {
  type = string

  validation {
    condition     = can(regex("[a-z0-9-]{3,63}", var.name))
    error_message = "Nombre de bucket inválido."
  }
}

variable "storage_gb" {
  type = number

  validation {
    condition     = var.storage_gb > 0
    error_message = "storage_gb debe ser mayor que cero."
  }
}

variable "versioning" {
  type = bool
}

variable "tags" {
  type = map(string)
}
"""

# %% mutant: nombre-sin-validar | cell: bucket-variables | breaks: R2
# Solo tipos: el nombre no se valida.
BUCKET_VARIABLES = """\
variable "name" {
  type = string
}

variable "storage_gb" {
  type = number

  validation {
    condition     = var.storage_gb > 0
    error_message = "storage_gb debe ser mayor que cero."
  }
}

variable "versioning" {
  type = bool
}

variable "tags" {
  type = map(string)
}
"""

# %% mutant: gb-cero-permitido | cell: bucket-variables | breaks: R3
# Acepta 0 GB (>= en lugar de >).
BUCKET_VARIABLES = """\
variable "name" {
  type = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", var.name))
    error_message = "Nombre de bucket inválido."
  }
}

variable "storage_gb" {
  type = number

  validation {
    condition     = var.storage_gb >= 0
    error_message = "storage_gb no puede ser negativo."
  }
}

variable "versioning" {
  type = bool
}

variable "tags" {
  type = map(string)
}
"""

# %% mutant: tipos-texto | cell: bucket-variables | breaks: R1
# Declara versioning y storage_gb como string: Terraform convierte true en "true" sin avisar.
BUCKET_VARIABLES = """\
variable "name" {
  type = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", var.name))
    error_message = "Nombre de bucket inválido."
  }
}

variable "storage_gb" {
  type = string

  validation {
    condition     = tonumber(var.storage_gb) > 0
    error_message = "storage_gb debe ser mayor que cero."
  }
}

variable "versioning" {
  type = string
}

variable "tags" {
  type = map(string)
}
"""

# %% mutant: sin-asserts | cell: bucket-tests | breaks: R2
# Solo comprueba que el plan pasa: un bucket público también pasaría.
BUCKET_TESTS = """\
variables {
  name       = "churn-dev-dvc"
  storage_gb = 20
  versioning = true
  tags       = {}
}

run "valido" {
  command = plan
}

run "nombre_invalido" {
  command = plan

  variables {
    name = "Churn_DVC"
  }

  expect_failures = [var.name]
}

run "tamano_cero" {
  command = plan

  variables {
    storage_gb = 0
  }

  expect_failures = [var.storage_gb]
}
"""


# %% mutant: solo-acceso-publico | cell: bucket-tests | breaks: R2
# Comprueba el acceso público y olvida el cifrado.
BUCKET_TESTS = """\
variables {
  name       = "churn-dev-dvc"
  storage_gb = 20
  versioning = true
  tags       = {}
}

run "seguro_por_defecto" {
  command = plan

  assert {
    condition     = terraform_data.bucket.input.block_public_access == true
    error_message = "El bucket debe bloquear el acceso público."
  }
}

run "nombre_invalido" {
  command = plan

  variables {
    name = "Churn_DVC"
  }

  expect_failures = [var.name]
}

run "tamano_cero" {
  command = plan

  variables {
    storage_gb = 0
  }

  expect_failures = [var.storage_gb]
}
"""


# %% mutant: sin-run-de-gb | cell: bucket-tests | breaks: R3
# Sin un run que espere el fallo de storage_gb: borrar esa validación no se nota.
BUCKET_TESTS = """\
variables {
  name       = "churn-dev-dvc"
  storage_gb = 20
  versioning = true
  tags       = {}
}

run "seguro_por_defecto" {
  command = plan

  assert {
    condition     = terraform_data.bucket.input.block_public_access == true
    error_message = "El bucket debe bloquear el acceso público."
  }

  assert {
    condition     = terraform_data.bucket.input.encryption == "aws:kms"
    error_message = "El bucket debe cifrarse con KMS."
  }
}

run "nombre_invalido" {
  command = plan

  variables {
    name = "Churn_DVC"
  }

  expect_failures = [var.name]
}
"""


# %% mutant: fallo-equivocado | cell: bucket-tests | breaks: R1
# Espera el fallo de la variable equivocada: el run falla contra el módulo correcto.
BUCKET_TESTS = """\
variables {
  name       = "churn-dev-dvc"
  storage_gb = 20
  versioning = true
  tags       = {}
}

run "seguro_por_defecto" {
  command = plan

  assert {
    condition     = terraform_data.bucket.input.block_public_access == true
    error_message = "El bucket debe bloquear el acceso público."
  }

  assert {
    condition     = terraform_data.bucket.input.encryption == "aws:kms"
    error_message = "El bucket debe cifrarse con KMS."
  }
}

run "nombre_invalido" {
  command = plan

  variables {
    name = "Churn_DVC"
  }

  expect_failures = [var.storage_gb]
}

run "tamano_cero" {
  command = plan

  variables {
    storage_gb = 0
  }

  expect_failures = [var.storage_gb]
}
"""


# %% mutant: solo-dvc | cell: moved-blocks | breaks: R1
# Mueve solo el bucket de DVC: el de MLflow se destruye y se crea vacío.
MOVED_BLOCKS = """\
moved {
  from = module.dvc_bucket
  to   = module.buckets["dvc"]
}
"""

# %% mutant: clave-sin-comillas | cell: moved-blocks | breaks: R1
# Escribe la clave de for_each sin comillas: Terraform no acepta la dirección.
MOVED_BLOCKS = """\
moved {
  from = module.dvc_bucket
  to   = module.buckets[dvc]
}

moved {
  from = module.mlflow_bucket
  to   = module.buckets[mlflow]
}
"""

# %% mutant: al-reves | cell: moved-blocks | breaks: R1
# Intercambia from y to.
MOVED_BLOCKS = """\
moved {
  from = module.buckets["dvc"]
  to   = module.dvc_bucket
}

moved {
  from = module.buckets["mlflow"]
  to   = module.mlflow_bucket
}
"""


# %% mutant: nat-por-horas-del-servicio | cell: environment-costs | breaks: R1
# Cobra el NAT solo las horas que el servicio está encendido (en dev, 200 h en vez de 730).
def environment_costs(outputs_by_env, prices):
    costs = {}
    for environment, outputs in outputs_by_env.items():
        inputs = outputs.get("cost_inputs")
        if inputs is None:
            raise ValueError(f"El entorno {environment} no tiene cost_inputs.")
        hourly = prices["instance_hourly"].get(inputs["instance_type"])
        if hourly is None:
            raise ValueError(f"Sin precio para {inputs['instance_type']} ({environment}).")
        hours = inputs["hours_per_month"]
        parts = {
            "compute": round(inputs["replicas"] * hours * hourly, 2),
            "storage": round(sum(inputs["storage_gb"].values()) * prices["s3_gb_month"], 2),
            "registry": round(inputs["registry_gb"] * prices["ecr_gb_month"], 2),
            "network": round(inputs["nat_gateways"] * hours * prices["nat_hourly"], 2),
        }
        parts["total"] = round(sum(parts.values()), 2)
        costs[environment] = parts
    return costs


# %% mutant: total-sin-red | cell: environment-costs | breaks: R2
# El total olvida la red: el NAT no aparece en el presupuesto.
def environment_costs(outputs_by_env, prices):
    costs = {}
    for environment, outputs in outputs_by_env.items():
        inputs = outputs.get("cost_inputs")
        if inputs is None:
            raise ValueError(f"El entorno {environment} no tiene cost_inputs.")
        hourly = prices["instance_hourly"].get(inputs["instance_type"])
        if hourly is None:
            raise ValueError(f"Sin precio para {inputs['instance_type']} ({environment}).")
        parts = {
            "compute": round(inputs["replicas"] * inputs["hours_per_month"] * hourly, 2),
            "storage": round(sum(inputs["storage_gb"].values()) * prices["s3_gb_month"], 2),
            "registry": round(inputs["registry_gb"] * prices["ecr_gb_month"], 2),
            "network": round(inputs["nat_gateways"] * 730 * prices["nat_hourly"], 2),
        }
        parts["total"] = round(parts["compute"] + parts["storage"] + parts["registry"], 2)
        costs[environment] = parts
    return costs


# %% mutant: precio-cero | cell: environment-costs | breaks: R3
# Un tipo de instancia sin precio cuesta 0, y un entorno sin cost_inputs se salta.
def environment_costs(outputs_by_env, prices):
    costs = {}
    for environment, outputs in outputs_by_env.items():
        inputs = outputs.get("cost_inputs")
        if inputs is None:
            continue
        hourly = prices["instance_hourly"].get(inputs["instance_type"], 0)
        parts = {
            "compute": round(inputs["replicas"] * inputs["hours_per_month"] * hourly, 2),
            "storage": round(sum(inputs["storage_gb"].values()) * prices["s3_gb_month"], 2),
            "registry": round(inputs["registry_gb"] * prices["ecr_gb_month"], 2),
            "network": round(inputs["nat_gateways"] * 730 * prices["nat_hourly"], 2),
        }
        parts["total"] = round(sum(parts.values()), 2)
        costs[environment] = parts
    return costs
