locals {
  name = "${var.project}-${var.environment}"
  tags = {
    project     = var.project
    environment = var.environment
    managed_by  = "terraform"
  }
}

# Aplicar las variables de prod en el workspace dev (o al revés) es el error clásico de los
# workspaces: esta precondición lo detiene antes de tocar nada.
resource "terraform_data" "environment_guard" {
  input = var.environment

  lifecycle {
    precondition {
      condition     = terraform.workspace == "default" || terraform.workspace == var.environment
      error_message = "El workspace (${terraform.workspace}) no coincide con environment (${var.environment}): selecciona el workspace correcto antes del plan."
    }
  }
}

module "network" {
  source = "./modules/network"

  name     = local.name
  cidr     = var.network.cidr
  az_count = var.network.az_count
  tags     = local.tags
}

module "registry" {
  source = "./modules/registry"

  name          = local.name
  keep_images   = var.registry.keep_images
  image_size_gb = var.registry.image_size_gb
  tags          = local.tags
}

module "service" {
  source = "./modules/service"

  name            = local.name
  image           = var.service.image
  replicas        = var.service.replicas
  instance_type   = var.service.instance_type
  hours_per_month = var.service.hours_per_month
  subnet_ids      = module.network.subnet_ids
  tags            = local.tags
}
