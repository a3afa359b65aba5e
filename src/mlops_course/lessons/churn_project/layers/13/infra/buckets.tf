# Los buckets de artefactos, uno por entrada de var.artifacts (for_each).
#
# Versión 2: un solo bloque module con for_each. La versión 1 (history/buckets_v1.tf) tenía un
# bloque por bucket; refactors.tf le dice a Terraform que son los mismos objetos.
module "buckets" {
  source   = "./modules/bucket"
  for_each = var.artifacts

  name       = "${local.name}-${each.key}"
  storage_gb = each.value.storage_gb
  versioning = each.value.versioning
  tags       = local.tags
}

locals {
  bucket_uris       = { for key, bucket in module.buckets : key => bucket.uri }
  bucket_storage_gb = { for key, bucket in module.buckets : key => bucket.storage_gb }
}
