# El servicio de predicción: N réplicas de la imagen en instancias del tipo elegido.
variable "name" {
  description = "Prefijo de los nombres."
  type        = string
}

variable "image" {
  description = "Imagen fijada por digest (módulo 10): repositorio@sha256:<64 hex>."
  type        = string

  validation {
    condition     = can(regex("@sha256:[0-9a-f]{64}$", var.image))
    error_message = "image debe ir fijada por digest (…@sha256:<64 hex>), nunca por una etiqueta como latest."
  }
}

variable "replicas" {
  description = "Réplicas del servicio."
  type        = number
}

variable "instance_type" {
  description = "Tipo de instancia."
  type        = string

  validation {
    condition     = contains(["t3.small", "t3.medium", "m6i.large", "m6i.xlarge"], var.instance_type)
    error_message = "instance_type debe ser t3.small, t3.medium, m6i.large o m6i.xlarge."
  }
}

variable "hours_per_month" {
  description = "Horas encendido al mes (730 = siempre)."
  type        = number
}

variable "subnet_ids" {
  description = "Subredes donde repartir las réplicas."
  type        = map(string)
}

variable "tags" {
  description = "Etiquetas comunes."
  type        = map(string)
}

locals {
  subnets = sort(keys(var.subnet_ids))
}

resource "terraform_data" "replica" {
  for_each = { for index in range(var.replicas) : "replica-${index}" => local.subnets[index % length(local.subnets)] }

  input = {
    name          = "${var.name}-${each.key}"
    image         = var.image
    instance_type = var.instance_type
    subnet_id     = var.subnet_ids[each.value]
    tags          = var.tags
  }
}

output "endpoint" {
  description = "URL interna del servicio."
  value       = "http://${var.name}.internal:8000/predict"
}

output "instance_type" {
  description = "Tipo de instancia."
  value       = var.instance_type
}

output "replicas" {
  description = "Réplicas creadas."
  value       = length(terraform_data.replica)
}

output "hours_per_month" {
  description = "Horas encendido al mes."
  value       = var.hours_per_month
}
