output "environment" {
  description = "El entorno de este estado."
  value       = var.environment
}

output "service_endpoint" {
  description = "Dónde respondería el servicio de predicción."
  value       = module.service.endpoint
}

output "repository_url" {
  description = "El repositorio de imágenes del proyecto."
  value       = module.registry.repository_url
}

output "artifact_buckets" {
  description = "URI de cada bucket de artefactos (remoto de DVC, artefactos de MLflow)."
  value       = local.bucket_uris
}

output "cost_inputs" {
  description = "Lo que cuesta dinero en este entorno: lo lee la estimación de costo del notebook."
  value = {
    instance_type   = module.service.instance_type
    replicas        = module.service.replicas
    hours_per_month = module.service.hours_per_month
    storage_gb      = local.bucket_storage_gb
    registry_gb     = module.registry.storage_gb
    nat_gateways    = module.network.nat_gateways
    az_count        = module.network.az_count
  }
}
