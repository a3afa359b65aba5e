# Entradas del módulo bucket: el Ejercicio 2 del módulo 13 las escribe con sus validaciones.
variable "name" {
  description = "Nombre del bucket (único en la nube: minúsculas, dígitos y guiones)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", var.name))
    error_message = "El nombre del bucket debe tener de 3 a 63 caracteres: minúsculas, dígitos y guiones."
  }
}

variable "storage_gb" {
  description = "GB que se esperan guardar (para la estimación de costo)."
  type        = number

  validation {
    condition     = var.storage_gb > 0
    error_message = "storage_gb debe ser positivo."
  }
}

variable "versioning" {
  description = "Versionado de objetos: recuperar un artefacto sobrescrito o borrado."
  type        = bool
}

variable "tags" {
  description = "Etiquetas comunes."
  type        = map(string)
}
