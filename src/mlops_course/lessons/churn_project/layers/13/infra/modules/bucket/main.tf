# Bucket de artefactos (aws_s3_bucket + versionado + bloqueo de acceso público + cifrado).
resource "terraform_data" "bucket" {
  # El nombre de un bucket no se puede cambiar: renombrarlo es destruirlo y crear otro.
  triggers_replace = var.name

  input = {
    name                = var.name
    versioning          = var.versioning
    block_public_access = true
    encryption          = "aws:kms"
    tags                = var.tags
  }
}
