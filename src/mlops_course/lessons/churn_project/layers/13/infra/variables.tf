variable "environment" {
  description = "Entorno: dev, staging o prod. Debe coincidir con el workspace."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment debe ser dev, staging o prod."
  }
}

variable "project" {
  description = "Prefijo de todos los nombres (minúsculas, dígitos y guiones)."
  type        = string
  default     = "churn"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,20}$", var.project))
    error_message = "project debe tener de 3 a 21 caracteres: minúsculas, dígitos y guiones, y empezar por una letra."
  }
}

variable "region" {
  description = "Región de la nube (solo se registra: no hay proveedor remoto)."
  type        = string
  default     = "us-east-1"
}

variable "network" {
  description = "Red privada del servicio: bloque CIDR y número de zonas."
  type = object({
    cidr     = string
    az_count = number
  })

  validation {
    condition     = can(cidrhost(var.network.cidr, 0)) && endswith(var.network.cidr, "/16")
    error_message = "network.cidr debe ser un bloque CIDR /16 válido, por ejemplo 10.20.0.0/16."
  }
}

variable "service" {
  description = "El servicio de predicción: imagen, réplicas, tipo de instancia y horas al mes."
  type = object({
    image           = string
    replicas        = number
    instance_type   = string
    hours_per_month = number
  })

  validation {
    condition     = var.service.replicas >= 1 && var.service.replicas <= 10 && floor(var.service.replicas) == var.service.replicas
    error_message = "service.replicas debe ser un entero entre 1 y 10."
  }

  validation {
    condition     = can(regex("@sha256:[0-9a-f]{64}$", var.service.image))
    error_message = "service.image debe ir fijada por digest (…@sha256:<64 hex>), nunca por una etiqueta como latest."
  }

  validation {
    condition     = var.service.hours_per_month > 0 && var.service.hours_per_month <= 744
    error_message = "service.hours_per_month debe estar entre 1 y 744 (un mes tiene como mucho 744 horas)."
  }
}

variable "artifacts" {
  description = "Buckets de artefactos (remoto de DVC, artefactos de MLflow): GB y versionado."
  type = map(object({
    storage_gb = number
    versioning = bool
  }))

  validation {
    condition     = alltrue([for name in ["dvc", "mlflow"] : contains(keys(var.artifacts), name)])
    error_message = "artifacts debe declarar al menos los buckets dvc y mlflow."
  }
}

variable "registry" {
  description = "Registro de imágenes: cuántas imágenes conservar y su tamaño medio en GB."
  type = object({
    keep_images   = number
    image_size_gb = number
  })
  default = {
    keep_images   = 10
    image_size_gb = 0.5
  }
}
