# Versión 1 de buckets.tf (antes del refactor a for_each): un bloque module por bucket.
module "dvc_bucket" {
  source = "./modules/bucket"

  name       = "${local.name}-dvc"
  storage_gb = var.artifacts["dvc"].storage_gb
  versioning = var.artifacts["dvc"].versioning
  tags       = local.tags
}

module "mlflow_bucket" {
  source = "./modules/bucket"

  name       = "${local.name}-mlflow"
  storage_gb = var.artifacts["mlflow"].storage_gb
  versioning = var.artifacts["mlflow"].versioning
  tags       = local.tags
}

locals {
  bucket_uris = {
    dvc    = module.dvc_bucket.uri
    mlflow = module.mlflow_bucket.uri
  }
  bucket_storage_gb = {
    dvc    = module.dvc_bucket.storage_gb
    mlflow = module.mlflow_bucket.storage_gb
  }
}
