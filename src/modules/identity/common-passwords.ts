/**
 * Indonesian words and phrases people often choose as passwords, for the strength check's dictionary
 * (`passwords-id`). @zxcvbn-ts/language-id knows common Indonesian words and names but not these as
 * passwords, and some (katasandi, akusayangkamu) are in none of its lists. Most likely first: the order
 * is the rank the estimator assumes an attacker tries them in. Lower case; it also tries l33t spellings,
 * capitals and words reversed.
 */
export const COMMON_INDONESIAN_PASSWORDS: readonly string[] = [
  'sayang',
  'rahasia',
  'bismillah',
  'indonesia',
  'katasandi',
  'password',
  'sandi',
  'cinta',
  'sayangku',
  'cintaku',
  'akusayangkamu',
  'sayangkamu',
  'akucintakamu',
  'merdeka',
  'alhamdulillah',
  'assalamualaikum',
  'rahasiaku',
  'garuda',
  'pancasila',
  'bidadari',
  'kangen',
  'anakku',
  'jakarta',
  'bandung',
  'surabaya',
  'persija',
  'persib',
  'masuk',
  'kuncimasuk',
  // The service's own name and words, which anyone attacking an account here would try first.
  'satupintu',
  'pelayanan',
  'layanan',
];
