# Registro de imágenes (aws_ecr_repository + política de ciclo de vida).
variable "name" {
  description = "Nombre del repositorio."
  type        = string
}

variable "keep_images" {
  description = "Cuántas imágenes conservar (la política de ciclo de vida borra las demás)."
  type        = number

  validation {
    condition     = var.keep_images >= 1 && var.keep_images <= 100
    error_message = "keep_images debe estar entre 1 y 100."
  }
}

variable "image_size_gb" {
  description = "Tamaño medio de una imagen en GB (módulo 10)."
  type        = number

  validation {
    condition     = var.image_size_gb > 0
    error_message = "image_size_gb debe ser positivo."
  }
}

variable "tags" {
  description = "Etiquetas comunes."
  type        = map(string)
}

resource "terraform_data" "repository" {
  input = {
    name                 = var.name
    image_tag_mutability = "IMMUTABLE"
    scan_on_push         = true
    keep_images          = var.keep_images
    tags                 = var.tags
  }
}

output "repository_url" {
  description = "URL del repositorio (cuenta ficticia 000000000000)."
  value       = "000000000000.dkr.ecr.us-east-1.amazonaws.com/${var.name}"
}

output "storage_gb" {
  description = "GB que ocupa el registro con la política de ciclo de vida."
  value       = var.keep_images * var.image_size_gb
}
